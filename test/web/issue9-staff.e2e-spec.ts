/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { actorsOf, ActingClient } from '../support/actors';
import { TestSystem } from '../support/test-system';
import { BrowserHarness, expectOk, pick, settle, startBrowserHarness } from './support/browser-harness';

const CODE = 'issue9-staff';
const TITLE = '关于全县安全生产工作情况报告的审议意见清单';
const OPINIONS = ['加强重点行业领域安全隐患排查。', '完善农村道路交通安全设施。', '加大安全生产宣传培训力度。'];
const UNIT_REPORT = '已开展隐患排查 36 次，整改问题 112 个。';
const SEND_BACK_REASON = '请补充具体整改措施和完成时限。';
const WAIT = 15_000;
const UNIT_NAMES = ['县发展和改革局', '县教育局', '县公安局', '县财政局', '县自然资源局', '县住房和城乡建设局'];
const NEW_TITLE = '关于农村人居环境整治工作情况报告的审议意见清单';
const NEW_OPINIONS: Array<[string, string]> = [
  ['加快农村生活污水治理设施建设。', '县住房和城乡建设局'],
  ['完善农村垃圾分类收运体系。', '县自然资源局'],
  ['加大人居环境整治资金保障。', '县财政局'],
];
const PROJECT = '新建城北社区公园';
/** Milestones with their due dates in days from today. */
const MILESTONES: Array<[string, number]> = [['完成设计招标', 20], ['主体工程完工', 40]];
const PROGRESS_TEXT = '设计方案已通过评审，施工单位招标完成。';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Issue 9 staff screens in the browser: the office assigns a review-opinion list, a unit reports on its item, the office
 * closes that item (逐条销号) and sends another back; then the office opens a livelihood vote from its management screen.
 */
describe('web app: staff screens for review-opinion lists and livelihood votes', () => {
  let harness: BrowserHarness;
  let system: TestSystem;
  let directory: BrowserHarness['directory'];
  let origin: string;
  let office: ActingClient;
  let listId: string;
  let items: Array<{ id: string; position: number }>;
  let voteId: string;

  beforeAll(async () => {
    harness = await startBrowserHarness({ code: CODE, name: '监督县', deputies: 4, viewport: { width: 1366, height: 900 }, waitMs: WAIT });
    ({ system, directory, origin } = harness);
    office = await actorsOf(system, CODE)('office');
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
  });

  afterEach(() => expect(harness.pageErrors).toEqual([]));

  const shot = (page: Page, name: string) => harness.shot(page, name);
  const signIn = (username: string): Promise<Page> => harness.signIn(username);
  const ok = (response: { status: number; body: unknown }, what: string) => expectOk(response, what);

  const itemRow = (page: Page, position: number) => page.getByRole('row').filter({ hasText: OPINIONS[position - 1] });
  const statusOf = async (position: number) => {
    const list = await ok(await office.get(`/api/review-opinion-lists/${listId}`), 'list');
    return (list.items as Array<{ position: number; status: string }>).find((item) => item.position === position)?.status;
  };

  it('the office finds the drafted list in its menu and assigns it', async () => {
    const created = await ok(await office.post('/api/review-opinion-lists', {
      title: TITLE,
      sourceReport: '县人民政府关于全县安全生产工作情况的报告',
      meetingName: '县十八届人大常委会第二十一次会议',
      reportingUnitId: directory.unitIds[0],
      items: OPINIONS.map((content, i) => ({ content, unitId: directory.unitIds[i] })),
    }), 'create list');
    listId = created.id;
    items = created.items as Array<{ id: string; position: number }>;

    const page = await signIn('office');
    await page.getByRole('link', { name: '审议意见清单' }).click();
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByText('待交办').waitFor();
    await page.getByRole('button', { name: '交办' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('统一办理期限').waitFor();
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByRole('button', { name: '交办' }).waitFor({ state: 'detached' }).catch(async (error: Error) => {
      await shot(page, 'issue9-staff-failed-assign');
      throw error;
    });
    await page.getByText('办理期限').first().waitFor();
    await shot(page, 'issue9-staff-01-office-assigned');
    expect((await ok(await office.get(`/api/review-opinion-lists/${listId}`), 'list')).state).toBe('handling');
    await page.context().close();
  });

  it('a unit sees only its own item to report on, and reports', async () => {
    // The second unit reports through the api, so the office has two reports to review.
    const second = await actorsOf(system, CODE)('jyj-staff');
    await ok(await second.post(`/api/review-opinion-lists/${listId}/events`, { type: 'REPORT_ITEM', itemId: items[1].id, text: '正在研究。' }), 'REPORT_ITEM 2');

    const page = await signIn('fgj-staff');
    await page.getByRole('link', { name: '审议意见清单' }).click();
    await page.getByRole('link', { name: TITLE }).click();
    await itemRow(page, 1).getByRole('button', { name: '报送办理情况' }).waitFor();
    // Only the unit's own item offers the report, and a unit may not close or send back.
    expect(await page.getByRole('button', { name: '报送办理情况' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '销号' }).count()).toBe(0);
    await itemRow(page, 1).getByRole('button', { name: '报送办理情况' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '提交' }).click();
    await dialog.getByText('请填写办理情况').waitFor();
    await dialog.getByLabel('办理情况').fill(UNIT_REPORT);
    await dialog.getByRole('button', { name: '提交' }).click();
    await itemRow(page, 1).getByText('已报送待审核').waitFor();
    await itemRow(page, 1).getByText(UNIT_REPORT).waitFor();
    await shot(page, 'issue9-staff-02-unit-reported');
    expect(await statusOf(1)).toBe('REPORTED');
    await page.context().close();
  });

  it('the office closes the first item and sends the second back with a reason', async () => {
    const page = await signIn('office');
    await page.goto(`${origin}/review-opinion-lists/${listId}`);
    await itemRow(page, 1).getByRole('button', { name: '销号' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('备注').fill('整改到位，同意销号。');
    await dialog.getByRole('button', { name: '提交' }).click();
    await itemRow(page, 1).getByText('已销号').waitFor();
    await page.getByText('已销号 1 / 3 条').waitFor();

    await itemRow(page, 2).getByRole('button', { name: '退回重办' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('退回理由').fill(SEND_BACK_REASON);
    await shot(page, 'issue9-staff-03-office-send-back-form');
    await dialog.getByRole('button', { name: '提交' }).click();
    await itemRow(page, 2).getByText(`退回理由：${SEND_BACK_REASON}`).waitFor();
    await itemRow(page, 2).getByText('退回 1 次').waitFor();
    expect(await itemRow(page, 3).getByRole('button').count()).toBe(0);
    await shot(page, 'issue9-staff-04-office-closed-and-sent-back');
    expect([await statusOf(1), await statusOf(2), await statusOf(3)]).toEqual(['CLOSED', 'SENT_BACK', 'ASSIGNED']);

    await page.getByRole('link', { name: '← 返回清单列表' }).click();
    await page.getByRole('row').filter({ hasText: TITLE }).getByText('已销号 1 / 3 条').waitFor();
    await shot(page, 'issue9-staff-05-office-lists');
    await page.context().close();
  });

  it('the office creates a list through its form; a unit closed meanwhile is shown on its item, then the list is saved', async () => {
    const page = await signIn('office');
    await page.getByRole('link', { name: '审议意见清单' }).click();
    await page.getByRole('button', { name: '新建清单' }).click();
    await page.getByRole('button', { name: '保存清单' }).click();
    await page.getByText('请填写清单名称').waitFor();

    await page.getByLabel('清单名称').fill(NEW_TITLE);
    await page.getByLabel('审议的报告').fill('县人民政府关于农村人居环境整治工作情况的报告');
    await page.getByLabel('常委会会议').fill('县十八届人大常委会第二十二次会议');
    await pick(page, '书面报告单位', '县发展和改革局', true);
    for (const [i, [content, unit]] of NEW_OPINIONS.entries()) {
      if (i > 0) await page.getByRole('button', { name: '添加一条意见' }).click();
      await page.getByLabel(`第 ${i + 1} 条意见`).fill(content);
      await pick(page, `第 ${i + 1} 条承办单位`, unit, true);
    }
    await page.getByText(`审议意见（${NEW_OPINIONS.length} 条）`).waitFor();
    await shot(page, 'issue9-staff-07-office-new-list-form');

    // The third item's unit is closed after the form loaded it: only the server can tell, and says so under that item.
    const closedUnitId = directory.unitIds[UNIT_NAMES.indexOf(NEW_OPINIONS[2][1])];
    await system.dataSource.query('UPDATE handling_units SET active = false WHERE id = $1', [closedUnitId]);
    try {
      await page.getByRole('button', { name: '保存清单' }).click();
      await page.getByTestId('review-item-3').getByText('不是本级现有的单位，请重新选择').waitFor();
      expect(await page.getByTestId('review-item-1').locator('.ant-form-item-explain-error').count()).toBe(0);
      await shot(page, 'issue9-staff-08-office-new-list-unit-refused');
    } finally {
      await system.dataSource.query('UPDATE handling_units SET active = true WHERE id = $1', [closedUnitId]);
    }
    await pick(page, '第 3 条承办单位', '县公安局', true);
    await page.getByRole('button', { name: '保存清单' }).click();

    await page.getByRole('heading', { name: NEW_TITLE }).waitFor();
    await page.getByText('待交办').waitFor();
    for (const [content] of NEW_OPINIONS) await page.getByRole('row').filter({ hasText: content }).waitFor();
    await page.getByRole('row').filter({ hasText: NEW_OPINIONS[2][0] }).getByText('县公安局').waitFor();
    await page.getByRole('link', { name: '← 返回清单列表' }).click();
    await page.getByRole('row').filter({ hasText: NEW_TITLE }).getByText(`已销号 0 / ${NEW_OPINIONS.length} 条`).waitFor();
    await shot(page, 'issue9-staff-09-office-lists-with-new');
    const lists = await ok(await office.get('/api/review-opinion-lists'), 'lists') as unknown as Array<{ title: string; itemCount: number; state: string }>;
    expect(lists.find((list) => list.title === NEW_TITLE)).toMatchObject({ itemCount: NEW_OPINIONS.length, state: 'draft' });
    await page.context().close();
  });

  it('a unit user has no 新建清单 button', async () => {
    const page = await signIn('fgj-staff');
    await page.getByRole('link', { name: '审议意见清单' }).click();
    await page.getByRole('link', { name: TITLE }).waitFor();
    expect(await page.getByRole('button', { name: '新建清单' }).count()).toBe(0);
    await page.context().close();
  });

  it('the office opens an approved livelihood vote from its management screen', async () => {
    const gov = await actorsOf(system, CODE)('gov-office');
    const year = new Date().getFullYear();
    const vote = await ok(await gov.post('/api/livelihood-votes', { year, title: `${year}年度县政府民生实事项目`, sessionName: '县十七届人大三次会议', places: 1 }), 'create vote');
    voteId = vote.id;
    for (const [i, title] of ['新建城北社区公园', '增设农村公交班次'].entries()) {
      await ok(await gov.post(`/api/livelihood-votes/${vote.id}/candidates`, { title, description: `${title}：建设内容和进度安排。`, unitId: directory.unitIds[i] }), title);
    }
    await ok(await gov.post(`/api/livelihood-votes/${vote.id}/events`, { type: 'SUBMIT_LIST' }), 'SUBMIT_LIST');
    await ok(await office.post(`/api/livelihood-votes/${vote.id}/events`, { type: 'APPROVE_LIST' }), 'APPROVE_LIST');

    const page = await signIn('office');
    await page.getByRole('link', { name: '票决管理' }).click();
    await page.getByRole('row').filter({ hasText: '候选项目已确定' }).getByRole('link').click();
    await page.getByText('新建城北社区公园').waitFor();
    await page.getByRole('button', { name: '开始投票' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.getByText(/第 1 轮投票进行中：已收回 0 \/ 4 张选票/).waitFor();
    await page.getByRole('button', { name: '结束投票' }).waitFor();
    await shot(page, 'issue9-staff-06-office-livelihood-opened');
    expect((await ok(await office.get(`/api/livelihood-votes/${vote.id}`), 'vote')).state).toBe('voting');
    await page.context().close();
  });
  it('the project’s unit sets milestones and reports progress; an overdue milestone shows as such', async () => {
    // Every deputy approves the park: it is chosen and the vote moves to tracking.
    const vote = await ok(await office.get(`/api/livelihood-votes/${voteId}`), 'vote');
    const park = (vote.candidates as Array<{ id: string; title: string }>).find((c) => c.title === PROJECT)!.id;
    for (let d = 1; d <= 4; d++) {
      const deputy = await actorsOf(system, CODE)(`deputy${String(d).padStart(3, '0')}`);
      await ok(await deputy.post(`/api/livelihood-votes/${voteId}/ballots`, { candidateIds: [park] }), `ballot ${d}`);
    }
    expect((await ok(await office.post(`/api/livelihood-votes/${voteId}/events`, { type: 'CLOSE' }), 'CLOSE')).state).toBe('tracking');

    const page = await signIn('fgj-staff');
    await page.getByRole('link', { name: '民生实事项目' }).click();
    await page.getByRole('row').filter({ hasText: '项目实施中' }).getByRole('link').click();
    const project = page.getByTestId(`project-${park}`);
    await project.getByText('尚未设定节点').waitFor();
    await project.getByRole('button', { name: '设定节点' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await settle(page);
    for (const [i, [title, days]] of MILESTONES.entries()) {
      if (i > 0) await dialog.getByRole('button', { name: '添加节点' }).click();
      await dialog.getByLabel(`节点 ${i + 1}`, { exact: true }).fill(title);
      const due = dialog.getByLabel(`节点 ${i + 1} 期限`);
      await due.click();
      await due.fill(inDays(days));
      await due.press('Enter');
      await settle(page);
    }
    await shot(page, 'issue9-staff-10-unit-milestones-form');
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByText('设定节点：已完成').waitFor();
    await project.getByRole('row').filter({ hasText: MILESTONES[0][0] }).getByText('未到期').waitFor();
    expect(await project.getByRole('button', { name: '设定节点' }).count()).toBe(0);

    await project.getByRole('button', { name: '报送进展' }).click();
    dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await settle(page);
    await dialog.getByLabel('完成进度').fill('35');
    await dialog.getByRole('checkbox', { name: new RegExp(MILESTONES[0][0]) }).check();
    await dialog.getByLabel('进展情况').fill(PROGRESS_TEXT);
    await shot(page, 'issue9-staff-11-unit-progress-form');
    await dialog.getByRole('button', { name: '提交' }).click();
    await page.getByText('报送进展：已完成').waitFor();
    await project.getByRole('row').filter({ hasText: MILESTONES[0][0] }).getByText('按期完成').waitFor();
    await project.getByText(PROGRESS_TEXT).waitFor();
    await project.getByText(`完成节点：${MILESTONES[0][0]}`).waitFor();

    // The second milestone falls due unreported: the worker marks it overdue.
    system.clock.set(new Date(Date.now() + (MILESTONES[1][1] + 2) * 86_400_000));
    await system.reconcile();
    await system.drainQueues();
    // Back to the browser's day, so sessions and forms see the same "now" again; the overdue mark stays.
    system.clock.set(new Date());
    await page.reload();
    await project.getByRole('row').filter({ hasText: MILESTONES[1][0] }).getByText('已逾期').waitFor();
    await shot(page, 'issue9-staff-12-unit-project-tracked');

    const tracked = await ok(await office.get(`/api/livelihood-votes/${voteId}`), 'vote') as unknown as { projects: Array<{ progress: number; milestones: Array<{ title: string; doneAt: string | null; overdue: boolean }>; reports: Array<{ milestoneIds: string[] }> }> };
    expect(tracked.projects[0]).toMatchObject({ progress: 35 });
    expect(tracked.projects[0].milestones.map((m) => [m.title, m.doneAt !== null, m.overdue])).toEqual([[MILESTONES[0][0], true, false], [MILESTONES[1][0], false, true]]);
    expect(tracked.projects[0].reports[0].milestoneIds).toHaveLength(1);
    await page.context().close();

    // The office reads the same section, without the unit's forms.
    const officePage = await signIn('office');
    await officePage.goto(`${origin}/livelihood-admin/${voteId}`);
    await officePage.getByTestId(`project-${park}`).getByText(PROGRESS_TEXT).waitFor();
    expect(await officePage.getByRole('button', { name: '报送进展' }).count()).toBe(0);
    await officePage.context().close();
  });
});
