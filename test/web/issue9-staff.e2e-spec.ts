/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WEB_APP_DIST } from '../../apps/api/src/serve-web-app';
import { seedDirectory, SeededDirectory } from '../../scripts/demo/seed-directory';
import { actorsOf, ActingClient } from '../support/actors';
import { startTestSystem, TestSystem } from '../support/test-system';

const CODE = 'issue9-staff';
const ARTIFACTS = join(__dirname, '..', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TITLE = '关于全县安全生产工作情况报告的审议意见清单';
const OPINIONS = ['加强重点行业领域安全隐患排查。', '完善农村道路交通安全设施。', '加大安全生产宣传培训力度。'];
const UNIT_REPORT = '已开展隐患排查 36 次，整改问题 112 个。';
const SEND_BACK_REASON = '请补充具体整改措施和完成时限。';
const WAIT = 15_000;

/**
 * Issue 9 staff screens in the browser: the office assigns a review-opinion list, a unit reports on its item, the office
 * closes that item (逐条销号) and sends another back; then the office opens a livelihood vote from its management screen.
 */
describe('web app: staff screens for review-opinion lists and livelihood votes', () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let browser: Browser;
  let origin: string;
  let office: ActingClient;
  let listId: string;
  let items: Array<{ id: string; position: number }>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(WEB_APP_DIST, 'index.html'))) execFileSync('npx', ['vite', 'build', 'apps/web'], { cwd: join(__dirname, '..', '..'), stdio: 'ignore' });
    mkdirSync(ARTIFACTS, { recursive: true });
    system = await startTestSystem({ now: new Date() });
    directory = await seedDirectory(system.dataSource, { code: CODE, name: '监督县', deputies: 4 });
    const server = system.api.getHttpServer() as http.Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    office = await actorsOf(system, CODE)('office');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  afterEach(() => expect(pageErrors).toEqual([]));

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const ok = async (response: { status: number; body: unknown }, what: string) => {
    if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Record<string, unknown> & { id: string; state?: string };
  };

  async function signIn(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${origin}/`);
    await page.getByLabel('人大（机构代码）').fill(CODE);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('jianyi-demo');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('button', { name: /退出/ }).waitFor();
    return page;
  }

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

  it('the office opens an approved livelihood vote from its management screen', async () => {
    const gov = await actorsOf(system, CODE)('gov-office');
    const year = new Date().getFullYear();
    const vote = await ok(await gov.post('/api/livelihood-votes', { year, title: `${year}年度县政府民生实事项目`, sessionName: '县十七届人大三次会议', places: 1 }), 'create vote');
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
});
