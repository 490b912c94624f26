import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { actorsOf, ActingClient } from './support/actors';
import { startTestSystem, TestSystem } from './support/test-system';

const T0 = Date.parse('2026-03-10T02:00:00Z');
const DAY_MS = 86_400_000;
/** Units of the 4 handling units, two opinions each; the unit users the seed made for them. */
const UNIT_USERS = ['fgj-staff', 'jyj-staff', 'gaj-staff', 'czj-staff'];
const SENT_BACK = [3, 6];
/** Standing-committee members who score the written report. */
const MEMBERS = ['sc-m1', 'sc-m2', 'sc-m3', 'sc-m4', 'sc-m5'];
const LOCAL = (date: string) => Date.parse(`${date}T02:00:00Z`);

describe('review-opinion list: 8 opinions for 4 units, two sent back, reminders and escalation, the report scored twice', () => {
  const CODE = 'review-opinions';
  let system: TestSystem;
  let directory: SeededDirectory;
  let as: ReturnType<typeof actorsOf>;
  let office: ActingClient;
  let government: ActingClient;
  let governmentUnitId: string;
  let listId: string;
  let items: Array<{ id: string; position: number; unitId: string }>;

  const query = <T = Record<string, unknown>>(sql: string, params: unknown[]) => system.dataSource.query(sql, params) as Promise<T[]>;
  const send = async (client: ActingClient, event: Record<string, unknown>, status = 200) => {
    const response = await client.post(`/api/review-opinion-lists/${listId}/events`, event);
    expect({ status: response.status, body: status === 200 ? undefined : response.body }).toMatchObject({ status });
    return response.body;
  };
  const unitOf = async (position: number) => as(UNIT_USERS[Math.floor((position - 1) / 2)]);
  const itemAt = (position: number) => items.find((item) => item.position === position) as { id: string; unitId: string };
  const notificationsOf = async (template: string) => {
    await system.drainQueues();
    return query<{ username: string; kind: string | null }>(
      `SELECT u.username, n.data->>'deadlineKind' AS kind FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.instance_id = $1 AND n.template = $2 ORDER BY u.username`,
      [listId, template],
    );
  };
  const at = async (instant: number) => {
    system.clock.set(new Date(instant));
    await system.reconcile();
    await system.drainQueues();
  };

  beforeAll(async () => {
    system = await startTestSystem({ now: new Date(T0) });
    directory = await seedDirectory(system.dataSource, { code: CODE, name: '审议县', deputies: 3 });
    as = actorsOf(system, CODE);
    // The written report on the list is the county government's; the seed has no such unit, so it is added here.
    [{ id: governmentUnitId }] = await query<{ id: string }>(
      `INSERT INTO handling_units (jurisdiction_id, name, code, kind, contact) VALUES ($1, '县人民政府', 'ZF', '政府', '0513-80000099') RETURNING id`,
      [directory.jurisdictionId],
    );
    await query(`INSERT INTO users (jurisdiction_id, username, display_name, roles, unit_id) VALUES ($1, 'zf-staff', '县政府办经办人', '{UNIT_STAFF}', $2)`, [
      directory.jurisdictionId, governmentUnitId,
    ]);
    for (const [index, username] of MEMBERS.entries()) {
      await query(`INSERT INTO users (jurisdiction_id, username, display_name, roles) VALUES ($1, $2, $3, '{SC_MEMBER}')`, [
        directory.jurisdictionId, username, `常委会委员${index + 1}`,
      ]);
    }
    [office, government] = [await as('office'), await as('zf-staff')];
  }, 120_000);

  afterAll(async () => system.close());

  const createBody = () => ({
    title: '关于全县食品安全法执法检查报告的审议意见清单',
    sourceReport: '县人大常委会执法检查组关于检查《中华人民共和国食品安全法》实施情况的报告',
    meetingName: '县十八届人大常委会第二十次会议',
    reportingUnitId: governmentUnitId,
    items: Array.from({ length: 8 }, (_, index) => ({ content: `第${index + 1}条审议意见：加强监管，落实责任。`, unitId: directory.unitIds[Math.floor(index / 2)] })),
  });

  it('refuses bad input and callers other than the office, changing nothing', async () => {
    const before = await query<{ count: string }>('SELECT count(*) FROM review_opinion_lists WHERE jurisdiction_id = $1', [directory.jurisdictionId]);
    const unknownUnit = await office.post('/api/review-opinion-lists', { ...createBody(), items: [{ content: '意见', unitId: '00000000-0000-4000-8000-000000000000' }] });
    expect(unknownUnit.status).toBe(400);
    expect(unknownUnit.body.errors[0]).toMatchObject({ field: 'items.unitId' });
    expect((await office.post('/api/review-opinion-lists', { ...createBody(), items: [] })).status).toBe(400);
    expect((await office.post('/api/review-opinion-lists', { ...createBody(), title: 7 })).status).toBe(400);
    expect((await (await as('jyj-staff')).post('/api/review-opinion-lists', createBody())).status).toBe(403);
    expect((await (await as('deputy001')).get('/api/review-opinion-lists')).status).toBe(403);
    expect(await query('SELECT count(*) FROM review_opinion_lists WHERE jurisdiction_id = $1', [directory.jurisdictionId])).toEqual(before);
  });

  it('creates the list and assigns it: a deadline per opinion and one for the written report', async () => {
    const created = await office.post('/api/review-opinion-lists', createBody()).expect(201);
    listId = created.body.id;
    items = created.body.items;
    expect(created.body).toMatchObject({ state: 'draft', allowedEvents: ['ASSIGN', 'CANCEL'] });
    expect(items.map((item) => item.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    await send(office, { type: 'ASSIGN', itemDueAt: 'not a date' }, 400);
    const assigned = await send(office, { type: 'ASSIGN' });
    expect(assigned).toMatchObject({ state: 'handling', reportDueAt: '2026-05-10T15:59:59.999Z' });
    const deadlines = await query<{ kind: string; count: string }>(
      `SELECT kind, count(*) FROM deadlines WHERE instance_id = $1 AND workflow = 'review-opinion-list' AND status = 'OPEN' GROUP BY kind ORDER BY kind`,
      [listId],
    );
    expect(deadlines).toEqual([{ kind: 'REVIEW_ITEM', count: '8' }, { kind: 'REVIEW_REPORT', count: '1' }]);
    expect((await notificationsOf('ASSIGNED')).map((n) => n.username)).toEqual(expect.arrayContaining(['czj-staff', 'fgj-staff', 'gaj-staff', 'jyj-staff']));
  });

  it('shows a unit only lists it has an item on, and lets it report only on its own items', async () => {
    expect((await (await as('hbj-staff')).get(`/api/review-opinion-lists/${listId}`)).status).toBe(404);
    expect((await (await as('hbj-staff')).get('/api/review-opinion-lists')).body).toEqual([]);
    expect((await (await as('jyj-staff')).get('/api/review-opinion-lists')).body.map((l: { id: string }) => l.id)).toEqual([listId]);
    const foreign = await send(await as('jyj-staff'), { type: 'REPORT_ITEM', itemId: itemAt(1).id, text: '已办。' }, 409);
    expect(foreign.message).toContain('only the unit the item is assigned to');
    await send(office, { type: 'SUBMIT_REPORT', text: '报告' }, 403);
    const early = await send(government, { type: 'SUBMIT_REPORT', text: '报告' }, 409);
    expect(early.message).toContain('every item must be closed first; still open: 1, 2, 3, 4, 5, 6, 7, 8');
  });

  it('takes a report on every item, closes six one by one and sends two back', async () => {
    for (let position = 1; position <= 8; position++) {
      const contact = position === 1 ? '联系人王明，电话13912345678。' : '';
      await send(await unitOf(position), { type: 'REPORT_ITEM', itemId: itemAt(position).id, text: `第${position}条已落实：建立联合检查机制。${contact}` });
    }
    await send(office, { type: 'SEND_BACK_ITEM', itemId: itemAt(3).id, reason: '' }, 400);
    for (let position = 1; position <= 8; position++) {
      const event = SENT_BACK.includes(position)
        ? { type: 'SEND_BACK_ITEM', itemId: itemAt(position).id, reason: '措施不具体，请补充时间表。' }
        : { type: 'CLOSE_ITEM', itemId: itemAt(position).id, note: '销号' };
      await send(office, event);
    }
    const again = await send(office, { type: 'CLOSE_ITEM', itemId: itemAt(1).id }, 409);
    expect(again.message).toContain('item 1 has no report to decide on (it is closed)');
    const list = (await office.get(`/api/review-opinion-lists/${listId}`).expect(200)).body;
    expect(list.items.map((i: { status: string }) => i.status)).toEqual(['CLOSED', 'CLOSED', 'SENT_BACK', 'CLOSED', 'CLOSED', 'SENT_BACK', 'CLOSED', 'CLOSED']);
    expect(list.items[2]).toMatchObject({ sentBackCount: 1, dueAt: '2026-04-10T15:59:59.999Z', firstDueAt: '2026-05-10T15:59:59.999Z', lastSendBackReason: '措施不具体，请补充时间表。' });
    const resent = (await notificationsOf('REHANDLING_ASSIGNED')).map((n) => n.username);
    expect(resent).toEqual(expect.arrayContaining(['gaj-staff', 'jyj-staff']));
    expect(resent.filter((u) => !u.startsWith('gaj') && !u.startsWith('jyj'))).toEqual([]);
  });

  it('shows the list publicly while handled: closure status of every item, only accepted reports, redacted', async () => {
    const [shown] = (await system.http().get(`/api/public/${CODE}/review-opinions`).expect(200)).body;
    expect(shown).toMatchObject({ id: listId, state: 'handling', reportingUnit: '县人民政府', report: null, result: 'PENDING', scores: [] });
    expect(shown.progress).toEqual({ items: 8, closed: 6, closedOnTime: 6, itemsSentBack: 2 });
    expect(shown.items.map((i: { status: string }) => i.status)).toEqual(['CLOSED', 'CLOSED', 'SENT_BACK', 'CLOSED', 'CLOSED', 'SENT_BACK', 'CLOSED', 'CLOSED']);
    // A report sent back is not the unit's answer yet; a closed item's report is published, without the phone number.
    expect(shown.items[2]).toMatchObject({ unit: '县教育局', report: null, sentBackCount: 1 });
    expect(shown.items[0].report).toBe('第1条已落实：建立联合检查机制。联系人王明，电话【电话号码已隐去】。');
    expect(JSON.stringify(shown)).not.toContain('13912345678');
    expect(JSON.stringify(shown)).not.toContain(directory.jurisdictionId);
    expect(JSON.stringify(shown)).not.toContain(directory.unitIds[0]);
    const one = (await system.http().get(`/api/public/${CODE}/review-opinions/${listId}`).expect(200)).body;
    expect(one).toEqual(shown);
  });

  it('closes item 3 after its second report; item 6 lets its rework deadline pass and is escalated', async () => {
    system.clock.set(new Date(T0 + DAY_MS));
    await send(await unitOf(3), { type: 'REPORT_ITEM', itemId: itemAt(3).id, text: '补充：6月底前完成专项整治。' });
    await send(office, { type: 'CLOSE_ITEM', itemId: itemAt(3).id });

    // 2026-04-05: 7 days before item 6's rework deadline its unit is reminded; closed items get no reminder.
    await at(LOCAL('2026-04-05'));
    const reminders = await notificationsOf('DEADLINE_REMINDER');
    expect(reminders).toEqual(expect.arrayContaining([{ username: 'gaj-staff', kind: 'REVIEW_REWORK' }]));
    expect(reminders.filter((r) => r.kind !== 'REVIEW_REWORK' || !r.username.startsWith('gaj'))).toEqual([]);

    // 2026-04-11: 30 days before the report's due date (a reminder), and past item 6's rework deadline.
    await at(Date.parse('2026-04-11T02:00:00Z'));
    const list = (await office.get(`/api/review-opinion-lists/${listId}`).expect(200)).body;
    expect(list.items[5]).toMatchObject({ status: 'SENT_BACK', overdue: true });
    expect(list.items.filter((i: { overdue: boolean }) => i.overdue)).toHaveLength(1);
    expect(await notificationsOf('OVERDUE')).toEqual(expect.arrayContaining([{ username: 'office', kind: null }, { username: 'gaj-staff', kind: null }]));
    expect(await notificationsOf('DEADLINE_REMINDER')).toEqual(expect.arrayContaining([{ username: 'zf-staff', kind: 'REVIEW_REPORT' }]));
    const passed = await query<{ status: string }>(`SELECT status FROM deadlines WHERE instance_id = $1 AND key = $2`, [listId, `item_${itemAt(6).id}`]);
    expect(passed.map((d) => d.status).sort()).toEqual(['CLOSED', 'PASSED']);

    // Reconcile again: nothing fires twice.
    const overdueBefore = (await notificationsOf('OVERDUE')).length;
    await at(Date.parse('2026-04-11T03:00:00Z'));
    expect(await notificationsOf('OVERDUE')).toHaveLength(overdueBefore);
  });

  it('marks the written report overdue past its due date; item 6 is closed late, then the report is submitted', async () => {
    await send(await unitOf(6), { type: 'REPORT_ITEM', itemId: itemAt(6).id, text: '补充：已完成整改。' });
    await at(Date.parse('2026-05-12T02:00:00Z'));
    expect((await office.get(`/api/review-opinion-lists/${listId}`)).body.reportOverdue).toBe(true);
    expect((await notificationsOf('OVERDUE')).map((n) => n.username)).toContain('zf-staff');
    await send(office, { type: 'CLOSE_ITEM', itemId: itemAt(6).id });

    const reported = await send(government, { type: 'SUBMIT_REPORT', text: '县人民政府关于食品安全法执法检查审议意见研究处理情况的报告。' });
    expect(reported).toMatchObject({ state: 'reported', reportText: expect.stringContaining('研究处理情况'), openDeadlines: [] });
    const closed = reported.items.map((i: { position: number; closedOnTime: boolean }) => [i.position, i.closedOnTime]);
    expect(closed).toEqual([[1, true], [2, true], [3, true], [4, true], [5, true], [6, false], [7, true], [8, true]]);
  });

  it('counts the year’s figures: items closed, closed on time, sent back, overdue, per unit', async () => {
    const figures = (await office.get('/api/review-opinion-lists/figures?year=2026').expect(200)).body;
    expect(figures.total).toEqual({ items: 8, closed: 8, closedOnTime: 7, itemsSentBack: 2, sendBacks: 2, overdue: 1 });
    expect(figures.units).toHaveLength(4);
    expect(figures.units.find((u: { unitId: string }) => u.unitId === directory.unitIds[2])).toMatchObject({ items: 2, closedOnTime: 1, itemsSentBack: 1, overdue: 1 });
    expect((await office.get('/api/review-opinion-lists/figures?year=abc')).status).toBe(400);
    expect((await (await as('jyj-staff')).get('/api/review-opinion-lists/figures?year=2026')).status).toBe(403);
  });

  const REVIEW_SUBJECT = (id: string) => ({ kind: 'REVIEW_OPINION_LIST', id });
  const prepareVote = (meetingDate: string, subjects: unknown[]) =>
    office.post('/api/vote-sessions', {
      title: '审议意见研究处理情况报告满意度测评', meetingName: '县十八届人大常委会第二十二次会议', meetingDate, chairUserId: directory.users['sc-leader'], subjects,
    });
  /** Opens a prepared session for the five members, takes one ballot each on the list, closes it and publishes it. */
  const scoreReport = async (sessionId: string, itemId: string, choices: string[]) => {
    const chair = await as('sc-leader');
    const memberIds = await Promise.all(MEMBERS.map(async (username) => (await as(username)).userId));
    await chair.post(`/api/vote-sessions/${sessionId}/events`, { type: 'OPEN', memberIds }).expect(200);
    for (const [index, username] of MEMBERS.entries()) {
      await (await as(username)).post(`/api/vote-sessions/${sessionId}/ballots`, { choices: [{ itemId, choice: choices[index] }] }).expect(200);
    }
    const closed = (await chair.post(`/api/vote-sessions/${sessionId}/events`, { type: 'CLOSE' }).expect(200)).body;
    const published = (await office.post(`/api/vote-sessions/${sessionId}/events`, { type: 'PUBLISH' }).expect(200)).body;
    return { closed, published };
  };
  let draftListId: string;
  let firstSessionId: string;

  it('puts only a list whose written report awaits a score to the vote, and in one live session at a time', async () => {
    system.clock.set(new Date(LOCAL('2026-06-20')));
    draftListId = (await office.post('/api/review-opinion-lists', createBody()).expect(201)).body.id;
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['a draft list', { subjects: [REVIEW_SUBJECT(draftListId)] }, 'subjects', 'its written report must be submitted and not yet scored (the list is draft)'],
      ['an unknown list', { subjects: [REVIEW_SUBJECT('00000000-0000-4000-8000-000000000000')] }, 'subjects', 'no such review-opinion list'],
      ['a list as a key suggestion', { suggestionIds: [listId] }, 'suggestionIds', 'no such suggestion'],
      ['nothing to vote on', { subjects: [] }, 'suggestionIds', 'name at least one item'],
      ['an unknown kind', { subjects: [{ kind: 'MOTION', id: listId }] }, 'subjects', ''],
      ['the list twice', { subjects: [REVIEW_SUBJECT(listId), REVIEW_SUBJECT(listId.toUpperCase())] }, 'subjects', 'listed twice'],
    ];
    const sessionsBefore = await query('SELECT count(*) FROM vote_sessions WHERE jurisdiction_id = $1', [directory.jurisdictionId]);
    for (const [name, body, field, reason] of cases) {
      const response = await office.post('/api/vote-sessions', { title: '测评', meetingName: '常委会会议', meetingDate: '2026-06-20', ...body });
      expect({ name, status: response.status, field: String(response.body.errors?.[0]?.field).split(/[.[]/)[0] }).toEqual({ name, status: 400, field });
      expect(response.body.errors[0].reason).toContain(reason);
    }
    expect(await query('SELECT count(*) FROM vote_sessions WHERE jurisdiction_id = $1', [directory.jurisdictionId])).toEqual(sessionsBefore);

    const created = await prepareVote('2026-06-20', [REVIEW_SUBJECT(listId)]).expect(201);
    firstSessionId = created.body.id;
    expect(created.body.items).toEqual([{
      id: expect.any(String), suggestionId: null, subjectKind: 'REVIEW_OPINION_LIST', subjectId: listId, position: 1, number: null,
      title: createBody().title, ballotsIssued: 0,
    }]);
    const again = await prepareVote('2026-06-21', [REVIEW_SUBJECT(listId)]);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'VOTE_ITEM_CONFLICT' });
  });

  it('scores the written report: failed, so the reporting body owes a new report within the REPORT_AGAIN period', async () => {
    const [item] = (await office.get(`/api/vote-sessions/${firstSessionId}`).expect(200)).body.items;
    const { closed, published } = await scoreReport(firstSessionId, item.id, ['UNSATISFIED', 'UNSATISFIED', 'UNSATISFIED', 'BASICALLY_SATISFIED', 'SATISFIED']);
    expect(closed.items[0]).toMatchObject({ subjectId: listId, ballotsReturned: 5, unsatisfied: { count: 3, percent: '60.00%' }, passed: false });
    expect(published.announcement).toBe('〔2026〕第1号');

    const list = (await government.get(`/api/review-opinion-lists/${listId}`).expect(200)).body;
    expect(list).toMatchObject({ state: 'handling', reportRound: 2, reportSubmittedAt: null, scores: [{ voteSessionId: firstSessionId, passed: false }] });
    expect(list.votes).toEqual([expect.objectContaining({
      voteSessionId: firstSessionId, announcement: '〔2026〕第1号', ballotsIssued: 5, ballotsReturned: 5, unsatisfied: { count: 3, percent: '60.00%' }, passed: false,
    })]);
    expect(list.openDeadlines).toEqual([{ key: 'report', kind: 'REPORT_AGAIN', dueAt: '2026-09-20T15:59:59.999Z', unitId: governmentUnitId }]);
    expect(list.allowedEvents).toEqual(['SUBMIT_REPORT']);
    expect((await notificationsOf('VOTE_FAILED')).map((n) => n.username)).toEqual(expect.arrayContaining(['office', 'zf-staff']));

    const page = await system.http().get(`/api/public/vote-announcements/${firstSessionId}`).expect(200);
    expect(page.text).toContain('对1项审议意见研究处理情况的报告逐件进行了满意度测评');
    expect(page.text).toContain('未通过的1项审议意见研究处理情况由报告机关重新研究处理');
    expect(page.text).toContain('3（60.00%）');
    const [shown] = (await system.http().get(`/api/public/${CODE}/review-opinions`).expect(200)).body;
    expect(shown).toMatchObject({ state: 'handling', result: 'FAILED', report: null });
    expect(shown.scores).toEqual([expect.objectContaining({
      announcement: '〔2026〕第1号', announcementUrl: `/api/public/vote-announcements/${firstSessionId}`, meetingDate: '2026-06-20',
      unsatisfied: { count: 3, percent: '60.00%' }, passed: false,
    })]);
  });

  it('reminds the reporting body of the new report deadline, and escalates when it passes', async () => {
    const overdueToGovernment = async () => (await notificationsOf('OVERDUE')).filter((n) => n.username === 'zf-staff').length;
    const before = await overdueToGovernment();
    await at(LOCAL('2026-08-22'));
    expect(await notificationsOf('DEADLINE_REMINDER')).toEqual(expect.arrayContaining([{ username: 'zf-staff', kind: 'REPORT_AGAIN' }]));
    expect(await overdueToGovernment()).toBe(before);
    await at(LOCAL('2026-09-22'));
    expect((await office.get(`/api/review-opinion-lists/${listId}`)).body).toMatchObject({ reportOverdue: true, openDeadlines: [] });
    expect(await overdueToGovernment()).toBe(before + 1);
  });

  it('scores the second report: passed, which concludes the list', async () => {
    await send(government, { type: 'SUBMIT_REPORT', text: '县人民政府关于食品安全法执法检查审议意见研究处理情况的报告（第二次报告），联系电话0513-80000099。' });
    system.clock.set(new Date(LOCAL('2026-10-20')));
    const created = await prepareVote('2026-10-20', [REVIEW_SUBJECT(listId)]).expect(201);
    const { closed, published } = await scoreReport(created.body.id, created.body.items[0].id, ['SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'SATISFIED', 'UNSATISFIED']);
    expect(closed.items[0]).toMatchObject({ satisfied: { count: 3, percent: '60.00%' }, passed: true });
    expect(published.announcement).toBe('〔2026〕第2号');
    const list = (await office.get(`/api/review-opinion-lists/${listId}`).expect(200)).body;
    expect(list).toMatchObject({ state: 'done', concludedAt: new Date(LOCAL('2026-10-20')).toISOString(), allowedEvents: [] });
    expect(list.scores.map((score: { passed: boolean }) => score.passed)).toEqual([false, true]);
    expect(list.votes.map((v: { announcement: string }) => v.announcement)).toEqual(['〔2026〕第1号', '〔2026〕第2号']);
    await send(office, { type: 'CONCLUDE', reason: '再次结束' }, 409);
  });

  it('shows the scored list on the public site with both published scores, and keeps an unbroken audit chain', async () => {
    const publicList = () => system.http().get(`/api/public/${CODE}/review-opinions`).expect(200);
    const [shown] = (await publicList()).body;
    expect(shown).toMatchObject({ id: listId, state: 'done', result: 'PASSED', reportingUnit: '县人民政府', report: expect.stringContaining('第二次报告') });
    expect(shown.report).toContain('联系电话【电话号码已隐去】');
    expect(shown.scores.map((s: { announcement: string; passed: boolean }) => [s.announcement, s.passed])).toEqual([['〔2026〕第1号', false], ['〔2026〕第2号', true]]);
    expect(shown.items).toHaveLength(8);
    expect(shown.items[5]).toMatchObject({ unit: '县公安局', status: 'CLOSED', sentBackCount: 1, closedOnTime: false, report: '补充：已完成整改。' });
    expect((await publicList()).body.map((l: { id: string }) => l.id)).not.toContain(draftListId);
    expect((await system.http().get(`/api/public/${CODE}/review-opinions/${draftListId}`)).status).toBe(404);
    expect((await system.http().get(`/api/public/${CODE}/review-opinions/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await system.http().get('/api/public/no-such-county/review-opinions')).status).toBe(404);

    const audit = await query<{ seq: number; prev_hash: string; hash: string; event_type: string }>(
      'SELECT seq, prev_hash, hash, event_type FROM audit_events WHERE instance_id = $1 ORDER BY seq', [listId],
    );
    audit.forEach((entry, index) => {
      expect(entry.seq).toBe(index + 1);
      if (index > 0) expect(entry.prev_hash).toBe(audit[index - 1].hash);
    });
    expect(audit.filter((entry) => entry.event_type === 'RECORD_VOTE_RESULT')).toHaveLength(2);
    expect(audit.length).toBeGreaterThan(25);
  });

  it('includes the list in the year’s figures, as of any date, and exports them', async () => {
    const figures = (await office.get('/api/reports/figures').expect(200)).body.reviewOpinions;
    expect(figures).toMatchObject({ year: 2026 });
    expect(figures.total).toEqual({
      lists: 1, items: 8, closed: 8, closedOnTime: 7, closedOnTimeRate: 0.875, itemsSentBack: 2, sendBacks: 2, overdue: 1,
      reportsSubmitted: 1, reportsOverdue: 1, votePassed: 1, voteFailed: 0, votePending: 0,
    });
    expect(figures.units).toHaveLength(4);
    expect(figures.units.find((u: { unitId: string }) => u.unitId === directory.unitIds[2])).toMatchObject({ items: 2, closedOnTime: 1, itemsSentBack: 1, overdue: 1 });
    expect(figures.lists).toEqual([expect.objectContaining({ id: listId, items: 8, itemsSentBack: 2, vote: 'PASSED', reportingUnit: '县人民政府' })]);
    expect(figures.definitions.closedOnTime.definition).toContain('deadline set at assignment');

    // As it stood after the failed vote, and on the day of assignment (six closed, two sent back, nothing reported).
    const july = (await office.get('/api/reports/figures?asOf=2026-07-01').expect(200)).body.reviewOpinions.total;
    expect(july).toMatchObject({ votePassed: 0, voteFailed: 1, reportsSubmitted: 1 });
    const assignedDay = (await office.get('/api/reports/review-opinions?year=2026&asOf=2026-03-10').expect(200)).body.total;
    expect(assignedDay).toMatchObject({ lists: 1, closed: 6, closedOnTime: 6, itemsSentBack: 2, overdue: 0, reportsSubmitted: 0, votePending: 1 });
    expect((await office.get('/api/reports/review-opinions?year=2025').expect(200)).body.total).toMatchObject({ lists: 0, items: 0, closedOnTimeRate: null });

    const csv = await office.get('/api/reports/review-opinions?year=2026&format=csv').expect(200);
    expect(csv.headers['content-disposition']).toMatch(/review-opinions-2026-.*\.csv/);
    expect(csv.text).toContain('按期销号 closed on time');
    expect(csv.text).toContain('合计 total');
    const xlsx = await office.get('/api/reports/review-opinions?format=xlsx').expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await office.get('/api/reports/review-opinions?year=1999')).status).toBe(400);
    expect((await (await as('jyj-staff')).get('/api/reports/review-opinions')).status).toBe(403);
  });
});
