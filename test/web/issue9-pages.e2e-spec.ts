/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { actorsOf, ActingClient } from '../support/actors';
import { TestSystem } from '../support/test-system';
import { BrowserHarness, expectOk, startBrowserHarness } from './support/browser-harness';
import { arrangeApprovals } from '../support/approval-ballots';

const CODE = 'issue9-web';
const DEPUTIES = 8;
const PLACES = 3;
const CANDIDATES = ['城区老旧小区加装电梯', '新建城北社区公园', '增设农村公交班次', '改造城东菜市场', '建设智慧停车场'];
/** Approvals per candidate, laid round the eight deputies (three each): two chosen, a tie of 5 at the third place, one with none. */
const TARGETS = [8, 6, 5, 5, 0];
const REVIEW_TITLE = '关于全县食品安全法执法检查报告的审议意见清单';
const UNIT_REPORT = '已建立联合检查机制，完成专项整治 12 次。';

/**
 * Issue 9 in the browser: the public site's 审议意见 and 民生实事 pages over data seeded through the api, a deputy's
 * approval ballot at phone width (at most K ticked, a confirmation, then 已投票), and the public proposal form up to its 429.
 */
describe('web app: review opinions and livelihood projects', () => {
  let harness: BrowserHarness;
  let system: TestSystem;
  let origin: string;
  let directory: BrowserHarness['directory'];
  let office: ActingClient;
  let voteId: string;
  let candidateIds: string[];

  beforeAll(async () => {
    harness = await startBrowserHarness({ code: CODE, name: '票决县', deputies: DEPUTIES });
    ({ system, origin, directory } = harness);
    office = await actorsOf(system, CODE)('office');
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(() => expect(harness.pageErrors).toEqual([]));

  const newPage = (viewport?: { width: number; height: number }): Promise<Page> => harness.newPage(viewport);
  const shot = (page: Page, name: string) => harness.shot(page, name);
  const ok = (response: { status: number; body: unknown }, what: string) =>
    expectOk<Record<string, unknown> & { id: string; state?: string; ballot?: unknown; candidates?: unknown; items?: unknown }>(response, what);

  it('shows an assigned review-opinion list with its closing progress, item status and the accepted unit report', async () => {
    const as = actorsOf(system, CODE);
    const created = await ok(await office.post('/api/review-opinion-lists', {
      title: REVIEW_TITLE,
      sourceReport: '县人大常委会执法检查组关于检查《中华人民共和国食品安全法》实施情况的报告',
      meetingName: '县十八届人大常委会第二十次会议',
      reportingUnitId: directory.unitIds[0],
      items: ['加强校园周边食品安全监管。', '完善农村集体聚餐备案制度。', '加大食品安全违法行为查处力度。'].map((content, i) => ({ content, unitId: directory.unitIds[i] })),
    }), 'create list');
    const listId = created.id as string;
    const items = created.items as Array<{ id: string; position: number }>;
    const send = async (client: ActingClient, event: Record<string, unknown>) => ok(await client.post(`/api/review-opinion-lists/${listId}/events`, event), String(event.type));
    await send(office, { type: 'ASSIGN' });
    await send(await as('fgj-staff'), { type: 'REPORT_ITEM', itemId: items[0].id, text: UNIT_REPORT });
    await send(office, { type: 'CLOSE_ITEM', itemId: items[0].id });
    await send(await as('jyj-staff'), { type: 'REPORT_ITEM', itemId: items[1].id, text: '正在研究。' });
    await send(office, { type: 'SEND_BACK_ITEM', itemId: items[1].id, reason: '请补充具体措施。' });

    const page = await newPage();
    await page.goto(`${origin}/public/${CODE}`);
    await page.getByRole('link', { name: '审议意见' }).click();
    await page.getByText(REVIEW_TITLE).waitFor();
    await page.getByText('销号进度：已销号 1 / 3 条').waitFor();
    await page.getByText(UNIT_REPORT).waitFor();
    await page.getByText('退回重办').first().waitFor();
    // A report not yet accepted stays off the site.
    expect(await page.getByText('正在研究。').count()).toBe(0);
    await page.getByText('测评结果公告后在此公开。').waitFor();
    await shot(page, 'issue9-01-public-review-opinions');
  });

  it('prepares the year’s vote through the api: five candidates, one proposed by the public, approved and opened', async () => {
    const gov = await actorsOf(system, CODE)('gov-office');
    const vote = await ok(await gov.post('/api/livelihood-votes', {
      year: new Date().getFullYear(), title: `${new Date().getFullYear()}年度县政府民生实事项目`, sessionName: '县十七届人大三次会议', places: PLACES,
    }), 'create vote');
    voteId = vote.id;
    for (const [i, title] of CANDIDATES.slice(0, 4).entries()) {
      await ok(await gov.post(`/api/livelihood-votes/${voteId}/candidates`, { title, description: `${title}：建设内容、投资和进度安排。`, unitId: directory.unitIds[i] }), title);
    }
    const proposal = await ok(await system.http().post(`/api/public/${CODE}/livelihood-proposals`).send({ title: CANDIDATES[4], description: '城区停车难，建议建设智慧停车场。' }), 'propose');
    await ok(await gov.post(`/api/livelihood-proposals/${proposal.id}/adopt`, { voteId, unitId: directory.unitIds[5] }), 'adopt');
    for (const [client, type] of [[gov, 'SUBMIT_LIST'], [office, 'APPROVE_LIST'], [office, 'OPEN']] as const) {
      await ok(await client.post(`/api/livelihood-votes/${voteId}/events`, { type }), type);
    }
    const opened = await ok(await office.get(`/api/livelihood-votes/${voteId}`), 'vote');
    expect(opened.ballot).toMatchObject({ round: 1, places: PLACES, entitled: DEPUTIES, returned: 0 });
    candidateIds = CANDIDATES.map((title) => (opened.candidates as Array<{ id: string; title: string }>).find((c) => c.title === title)!.id);
  });

  it('a deputy on a phone approves at most K candidates, confirms, and then sees 已投票', async () => {
    const page = await harness.signIn('deputy001', { width: 390, height: 844 });
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('link', { name: '民生实事票决' }).click();
    await page.getByRole('link', { name: '去投票' }).click();
    await page.getByText('选票（无记名）').waitFor();

    const mine = arrangeApprovals(TARGETS, DEPUTIES)[0].map((i) => CANDIDATES[i]);
    for (const title of mine) await page.getByRole('checkbox', { name: new RegExp(title) }).check();
    await page.getByText(`已选 ${PLACES} / 最多 ${PLACES} 项，已选满`).waitFor();
    const left = CANDIDATES.filter((title) => !mine.includes(title));
    for (const title of left) expect(await page.getByRole('checkbox', { name: new RegExp(title) }).isDisabled()).toBe(true);
    await shot(page, 'issue9-02-deputy-ballot-phone');

    await page.getByRole('button', { name: '提交选票' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`您赞成以下 ${PLACES} 项：`).waitFor();
    await shot(page, 'issue9-03-deputy-ballot-confirm');
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByText('已投票', { exact: true }).waitFor();
    await shot(page, 'issue9-04-deputy-voted');
    expect((await ok(await office.get(`/api/livelihood-votes/${voteId}`), 'vote')).ballot).toMatchObject({ returned: 1 });
  });

  it('the public sees the candidates, approvals per candidate, the chosen projects and the tie awaiting a run-off', async () => {
    const as = actorsOf(system, CODE);
    const sets = arrangeApprovals(TARGETS, DEPUTIES);
    for (let v = 1; v < DEPUTIES; v++) {
      const deputy = await as(`deputy${String(v + 1).padStart(3, '0')}`);
      await ok(await deputy.post(`/api/livelihood-votes/${voteId}/ballots`, { candidateIds: sets[v].map((i) => candidateIds[i]) }), `ballot ${v}`);
    }
    const closed = await ok(await office.post(`/api/livelihood-votes/${voteId}/events`, { type: 'CLOSE' }), 'CLOSE');
    expect(closed.state).toBe('runoff');

    const page = await newPage();
    await page.goto(`${origin}/public/${CODE}/livelihood`);
    await page.getByText('候选项目（5 项）').waitFor();
    await page.getByText('群众提出').waitFor();
    await page.getByText('第一轮投票').waitFor();
    const tie = page.getByText(/得票相同，将再次投票决定剩余 1 个名额/);
    await tie.waitFor().catch(async (error: Error) => {
      await shot(page, 'issue9-failed-public-livelihood');
      throw error;
    });
    expect((await tie.textContent())?.split(' ')[0].split('、').sort()).toEqual([CANDIDATES[2], CANDIDATES[3]].sort());
    const row = (title: string) => page.getByRole('row').filter({ hasText: title });
    await row(CANDIDATES[0]).getByText('8', { exact: true }).waitFor();
    await row(CANDIDATES[0]).getByText('当选').waitFor();
    await row(CANDIDATES[4]).getByText('未过半数').waitFor();
    await shot(page, 'issue9-05-public-livelihood-result');
  });

  it('the public proposal form takes a proposal and shows the limit in Chinese once it is reached', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${origin}/public/${CODE}/livelihood`);
    await page.getByRole('button', { name: '提交建议' }).click();
    await page.getByText('请填写项目名称').waitFor();
    let refused = false;
    for (let n = 1; n <= 7 && !refused; n++) {
      await page.getByLabel('项目名称').fill(`第${n}条：增设社区食堂`);
      await page.getByLabel('项目内容').fill('老年人就餐不便，建议在各社区增设老年食堂。');
      await page.getByRole('button', { name: '提交建议' }).click();
      const taken = page.getByText('已收到您的建议');
      await taken.or(page.getByRole('alert').filter({ hasText: '提交过于频繁' })).waitFor();
      if (await taken.isVisible()) {
        if (n === 1) await shot(page, 'issue9-06-public-proposal-sent');
        await page.getByRole('button', { name: '再提一条' }).click();
      } else refused = true;
    }
    expect(refused).toBe(true);
    await page.getByText('同一网络每小时最多提交 5 条').waitFor();
    await shot(page, 'issue9-07-public-proposal-throttled');
  });
});
