import JSZip from 'jszip';
import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { actorsOf, ActingClient } from './support/actors';
import { startTestSystem, TestSystem } from './support/test-system';

/**
 * The proof of issue 4: five key suggestions with their leaders, a council hearing through all five (one
 * deferred to a second meeting), a satisfaction vote of 30 members in which one item fails, the numbered
 * announcement, and the failed item back in re-handling with its new deadlines.
 */
describe('key suggestions: selection, hearing, satisfaction vote, announcement', () => {
  const CODE = 'key-track';
  let system: TestSystem;
  let directory: SeededDirectory;
  let as: ReturnType<typeof actorsOf>;
  let office: ActingClient;
  let council: ActingClient;
  let chair: ActingClient;
  let govLeader2: string;
  const suggestionIds: string[] = [];
  const members: string[] = [];

  const detail = async (id: string) => (await office.get(`/api/suggestions/${id}`).expect(200)).body;

  beforeAll(async () => {
    system = await startTestSystem();
    directory = await seedDirectory(system.dataSource, { code: CODE, name: '重点县', deputies: 6 });
    as = actorsOf(system, CODE);
    [office, council, chair] = [await as('office'), await as('council'), await as('sc-leader')];
    const insertUser = async (username: string, name: string, roles: string[]) =>
      (await system.dataSource.query(
        'INSERT INTO users (jurisdiction_id, username, display_name, roles) VALUES ($1, $2, $3, $4) RETURNING id',
        [directory.jurisdictionId, username, name, roles],
      ))[0].id as string;
    govLeader2 = await insertUser('gov-leader-2', '副县长 吴立', ['GOV_LEADER']);
    for (let i = 1; i <= 30; i++) members.push(await insertUser(`sc-member-${String(i).padStart(2, '0')}`, `常委会委员${i}`, ['SC_MEMBER']));
  });

  afterAll(async () => system.close());

  it('takes five suggestions from filing to a reply, through the api', async () => {
    const jtj = await as('jtj-staff');
    for (let i = 0; i < 5; i++) {
      const deputy = await as(`deputy00${i + 1}`);
      const created = await deputy
        .post('/api/suggestions', {
          sessionId: directory.sessionId, title: `关于重点民生事项${i + 1}的建议`, content: '建议加快推进。', category: '社会建设',
          duringSession: true, agreesToDisclosure: true,
        })
        .expect(201);
      const id = created.body.id as string;
      await deputy.send(id, { type: 'SUBMIT' });
      await office.send(id, { type: 'ACCEPT' });
      await office.send(id, { type: 'ASSIGN', mode: 'LEAD_WITH_CO_UNITS', leadUnitId: directory.unitIds[6], unitIds: [directory.unitIds[6]] });
      await jtj.send(id, { type: 'RECORD_CONTACT', method: 'MEETING', contactedAt: '2026-03-09T02:00:00.000Z', participants: '领衔代表、交通局' });
      await jtj.send(id, {
        type: 'REPLY', classification: 'B', text: '已列入年度计划。', signedBy: '局长', contactPerson: '张三', contactPhone: '0513-80001234', agreesToDisclosure: true,
      });
      suggestionIds.push(id);
    }
    expect((await detail(suggestionIds[0])).state).toBe('awaitingFeedback');
  });

  it('lets the office propose and the council decide the key suggestions, each with its leaders', async () => {
    const leaders = { sup: directory.users['sc-leader'], gov: directory.users['gov-leader'] };
    const items = suggestionIds.map((suggestionId, i) => ({
      suggestionId, topic: i < 3 ? '城乡交通' : '教育卫生', supervisingLeaderId: leaders.sup, leadingLeaderId: i < 3 ? leaders.gov : govLeader2,
      supervisingCommittee: '财经工委',
    }));
    // Bad input: a leader of the wrong kind is a 400 naming the field, and nothing is proposed.
    const wrong = await office.post('/api/key-suggestions/proposals', { items: [{ ...items[0], leadingLeaderId: leaders.sup }] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ field: 'items[0].leadingLeaderId', reason: 'must be a government leader' }]);
    expect((await council.post('/api/key-suggestions/proposals', { items })).status).toBe(403);

    const proposed = await office.post('/api/key-suggestions/proposals', { items }).expect(201);
    expect(proposed.body).toHaveLength(5);
    expect((await office.post('/api/key-suggestions/proposals', { items: [items[0]] })).status).toBe(400);

    // The office cannot decide; the council does, and one proposal is decided only once.
    const ids = proposed.body.map((p: { id: string }) => p.id);
    expect((await office.post('/api/key-suggestions/decisions', { approve: ids })).status).toBe(403);
    await council.post('/api/key-suggestions/decisions', { approve: ids }).expect(200);
    expect((await council.post('/api/key-suggestions/decisions', { approve: [ids[0]] })).status).toBe(409);

    const list = (await council.get('/api/key-suggestions').expect(200)).body;
    expect(list.total).toBe(5);
    expect(list.topics.map((t: { topic: string; suggestionIds: string[] }) => [t.topic, t.suggestionIds.length])).toEqual([['城乡交通', 3], ['教育卫生', 2]]);
    const first = await detail(suggestionIds[0]);
    expect(first.keyState).toBe('selected');
    expect(first.key).toMatchObject({ topic: '城乡交通', leadingLeaderId: leaders.gov, supervisingLeaderId: leaders.sup });
  });

  it('shows each leader exactly their own items with deadlines, contacts and replies', async () => {
    const gov = (await (await as('gov-leader')).get('/api/key-suggestions/mine').expect(200)).body;
    expect(gov.items.map((i: { suggestionId: string }) => i.suggestionId).sort()).toEqual(suggestionIds.slice(0, 3).sort());
    expect(gov.items[0]).toMatchObject({ role: 'LEADING', keyState: 'selected', state: 'awaitingFeedback' });
    expect(gov.items[0].contacts).toEqual([expect.objectContaining({ method: 'MEETING', participants: '领衔代表、交通局' })]);
    expect(gov.items[0].replies).toEqual([expect.objectContaining({ classification: 'B', unitName: '县交通运输局' })]);
    expect(gov.items[0].openDeadlines.map((d: { kind: string }) => d.kind)).toContain('FEEDBACK');
    const gov2 = (await (await as('gov-leader-2')).get('/api/key-suggestions/mine').expect(200)).body;
    expect(gov2.items.map((i: { suggestionId: string }) => i.suggestionId).sort()).toEqual(suggestionIds.slice(3).sort());
    const sup = (await chair.get('/api/key-suggestions/mine').expect(200)).body;
    expect(sup.total).toBe(5);
    expect(sup.items.every((i: { role: string }) => i.role === 'SUPERVISING')).toBe(true);
    expect((await (await as('member')).get('/api/key-suggestions/mine')).status).toBe(403);
  });

  it('hears all five item by item, deferring one to a later meeting', async () => {
    const first = (await office.post('/api/council-meetings', { title: '第三十次主任会议', meetingDate: '2026-05-20', suggestionIds }).expect(201)).body;
    const second = (await office.post('/api/council-meetings', { title: '第三十一次主任会议', meetingDate: '2026-06-03' }).expect(201)).body;
    expect(first.progress).toEqual({ total: 5, heard: 0, deferred: 0, remaining: 5 });
    expect(first.agenda.map((a: { suggestionId: string }) => a.suggestionId)).toEqual(suggestionIds);

    const hearing = (i: number) => ({
      reporterUnitId: directory.unitIds[6], reporterLeaderId: i < 3 ? directory.users['gov-leader'] : govLeader2, reporterName: '县交通运输局局长 陈刚',
      report: `第${i + 1}项建议办理情况的报告。`, attachments: [{ name: '办理情况报告', url: 'https://example.gov.cn/report.pdf' }, { name: '说明', text: '附表一份' }],
      opinion: '办理工作扎实，请继续推进。',
    });
    let meeting = first;
    for (let i = 0; i < 4; i++) {
      const itemId = meeting.nextItemId as string;
      meeting = (await council.post(`/api/council-meetings/${first.id}/agenda/${itemId}/hearing`, hearing(i)).expect(200)).body;
    }
    expect(meeting.progress).toEqual({ total: 5, heard: 4, deferred: 0, remaining: 1 });
    expect(meeting.agenda[0]).toMatchObject({ status: 'HEARD', reporterUnitName: '县交通运输局', opinion: '办理工作扎实，请继续推进。' });
    expect(meeting.agenda[0].attachments).toHaveLength(2);

    // A heard item is not heard twice; an empty opinion is a 400; the last item moves to the next meeting.
    expect((await council.post(`/api/council-meetings/${first.id}/agenda/${meeting.agenda[0].id}/hearing`, hearing(0))).status).toBe(409);
    const lastId = meeting.nextItemId as string;
    expect((await council.post(`/api/council-meetings/${first.id}/agenda/${lastId}/hearing`, { ...hearing(4), opinion: '' })).status).toBe(400);
    meeting = (await council.post(`/api/council-meetings/${first.id}/agenda/${lastId}/defer`, { toMeetingId: second.id, reason: '单位尚在调研' }).expect(200)).body;
    expect(meeting.progress).toEqual({ total: 5, heard: 4, deferred: 1, remaining: 0 });

    const later = (await council.get(`/api/council-meetings/${second.id}`).expect(200)).body;
    expect(later.agenda.map((a: { suggestionId: string }) => a.suggestionId)).toEqual([suggestionIds[4]]);
    const done = (await council.post(`/api/council-meetings/${second.id}/agenda/${later.nextItemId}/hearing`, hearing(4)).expect(200)).body;
    expect(done.progress.heard).toBe(1);
    for (const id of suggestionIds) expect((await detail(id)).keyState).toBe('heard');
    const history = (await detail(suggestionIds[0])).history.map((h: { eventType: string }) => h.eventType);
    expect(history).toEqual(expect.arrayContaining(['MARK_KEY', 'RECORD_HEARING']));
  });

  it('runs a vote of 30 members in which one item fails, publishes the announcement, and sends the failed item back', async () => {
    const created = await office
      .post('/api/vote-sessions', {
        title: '2026年重点建议办理满意度测评', meetingName: '县十七届人大常委会第二十次会议', meetingDate: '2026-06-20',
        chairUserId: directory.users['sc-leader'], suggestionIds,
      })
      .expect(201);
    const sessionId = created.body.id as string;
    expect(created.body.state).toBe('created');
    await chair.post(`/api/vote-sessions/${sessionId}/events`, { type: 'OPEN', memberIds: members }).expect(200);

    const items: Array<{ id: string; suggestionId: string }> = created.body.items;
    const failing = items[4];
    // 30 members: 16 unsatisfied on the fifth item (more than half of 30), at most 10 on the others.
    const choiceOf = (voter: number, item: number) => {
      if (item === 4) return voter < 16 ? 'UNSATISFIED' : voter < 24 ? 'BASICALLY_SATISFIED' : 'SATISFIED';
      return voter < item * 2 ? 'UNSATISFIED' : voter % 3 === 0 ? 'BASICALLY_SATISFIED' : 'SATISFIED';
    };
    for (let v = 0; v < 30; v++) {
      const voter = await as(`sc-member-${String(v + 1).padStart(2, '0')}`);
      const choices = items.map((item, i) => ({ itemId: item.id, choice: choiceOf(v, i) }));
      if (v % 2 === 0) {
        await voter.post(`/api/vote-sessions/${sessionId}/ballots`, { choices }).expect(200);
      } else {
        for (const choice of choices) await voter.post(`/api/vote-sessions/${sessionId}/ballots`, { choices: [choice] }).expect(200);
      }
    }
    const open = (await office.get(`/api/vote-sessions/${sessionId}`).expect(200)).body;
    expect(open.items[0]).toEqual({
      id: items[0].id, suggestionId: items[0].suggestionId, subjectKind: 'KEY_SUGGESTION', subjectId: items[0].suggestionId, position: 1,
      number: expect.any(Number), title: expect.any(String), ballotsIssued: 30,
    });

    const closed = (await chair.post(`/api/vote-sessions/${sessionId}/events`, { type: 'CLOSE' }).expect(200)).body;
    expect(closed.state).toBe('closed');
    expect(closed.items.map((i: { passed: boolean }) => i.passed)).toEqual([true, true, true, true, false]);
    expect(closed.items[4]).toMatchObject({
      ballotsIssued: 30, ballotsReturned: 30, unsatisfied: { count: 16, percent: '53.33%' }, basicallySatisfied: { count: 8, percent: '26.67%' },
      satisfied: { count: 6, percent: '20.00%' },
    });

    expect((await chair.post(`/api/vote-sessions/${sessionId}/events`, { type: 'PUBLISH' })).status).toBe(403);
    expect((await system.http().get(`/api/public/vote-announcements/${sessionId}`)).status).toBe(404);
    const published = (await office.post(`/api/vote-sessions/${sessionId}/events`, { type: 'PUBLISH' }).expect(200)).body;
    expect(published.announcement).toBe('〔2026〕第1号');

    const page = await system.http().get(`/api/public/vote-announcements/${sessionId}`).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('重点县人民代表大会常务委员会公告');
    expect(page.text).toContain('〔2026〕第1号');
    expect(page.text).toContain('16（53.33%）');
    expect(page.text).toContain('未通过');
    const docx = await system.http().get(`/api/public/vote-announcements/${sessionId}/docx`).buffer(true)
      .parse((res, done) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => done(null, Buffer.concat(chunks))); })
      .expect(200);
    const xml = await (await JSZip.loadAsync(docx.body as Buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain('16（53.33%）');

    // The failed item is back in re-handling, with the report-again deadline of 3 months and a re-handling reply deadline.
    const failed = await detail(failing.suggestionId);
    expect(failed).toMatchObject({ state: 'inProgress', keyState: 'failed', round: 2 });
    expect(failed.key).toMatchObject({ votes: 1, lastVotePassed: false });
    const deadlines = Object.fromEntries(failed.openDeadlines.map((d: { kind: string; dueAt: string }) => [d.kind, d.dueAt]));
    expect(new Date(deadlines.REPORT_AGAIN).toISOString().slice(0, 7)).toBe('2026-06');
    expect(Object.keys(deadlines)).toEqual(expect.arrayContaining(['REPORT_AGAIN', 'REPLY']));
    expect(failed.history.at(-1)).toMatchObject({ eventType: 'RECORD_VOTE_RESULT', payload: { voteSessionId: sessionId, passed: false } });
    for (const id of suggestionIds.slice(0, 4)) expect((await detail(id))).toMatchObject({ keyState: 'passed', state: 'awaitingFeedback' });

    const view = (await (await as('gov-leader-2')).get('/api/key-suggestions/mine').expect(200)).body;
    const mine = view.items.find((i: { suggestionId: string }) => i.suggestionId === failing.suggestionId);
    expect(mine.warnings.map((w: { level: string }) => w.level)).toContain('VOTE_FAILED');
    expect(mine.votes).toEqual([expect.objectContaining({ passed: false, unsatisfied: 16, ballotsReturned: 30 })]);
  });
});
