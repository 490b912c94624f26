import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { actorsOf } from './support/actors';
import { endOpenDeadlines } from './support/suggestion-fixtures';
import { startTestSystem, TestSystem } from './support/test-system';

/** What the web forms and the public portal read instead of typed ids: people by role, and the list of vote announcements. */
describe('people by role, and the public list of vote announcements', () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let other: SeededDirectory;
  let as: ReturnType<typeof actorsOf>;

  beforeAll(async () => {
    system = await startTestSystem();
    directory = await seedDirectory(system.dataSource, { code: 'people', name: '名录县', deputies: 3 });
    other = await seedDirectory(system.dataSource, { code: 'people-other', name: '邻县', deputies: 1 });
    as = actorsOf(system, 'people');
  });

  afterAll(async () => {
    if (directory) await endOpenDeadlines(system, directory.jurisdictionId);
    await system?.close();
  });

  it('lists the active holders of the asked roles by name, only in the caller’s jurisdiction', async () => {
    await system.dataSource.query(
      `INSERT INTO users (jurisdiction_id, username, display_name, roles, active) VALUES ($1, 'gov-leader-left', '原副县长 王离', '{GOV_LEADER}', false)`,
      [directory.jurisdictionId],
    );
    const office = await as('office');
    const leaders = (await office.get('/api/people?role=GOV_LEADER').expect(200)).body;
    expect(leaders).toEqual([{ id: directory.users['gov-leader'], name: '副县长 周明', roles: ['GOV_LEADER'] }]);

    const council = (await office.get('/api/people?role=SC_LEADER&role=COUNCIL_MEMBER').expect(200)).body;
    expect(council.map((p: { name: string; roles: string[] }) => [p.name, p.roles])).toEqual([
      ['主任会议成员 孙平', ['COUNCIL_MEMBER', 'SC_MEMBER']],
      ['人大常委会副主任 钱进', ['SC_LEADER', 'COUNCIL_MEMBER', 'SC_MEMBER']],
    ]);
    const members = (await office.get('/api/people?role=SC_MEMBER').expect(200)).body.map((p: { id: string }) => p.id);
    expect(members.sort()).toEqual([directory.users['sc-leader'], directory.users.council, directory.users.member].sort());
    expect(members).not.toContain(other.users.member);
    const deputies = (await office.get('/api/people?role=DEPUTY').expect(200)).body;
    expect(deputies.map((p: { id: string }) => p.id).sort()).toEqual([directory.users.deputy001, directory.users.deputy002, directory.users.deputy003].sort());
  });

  it('answers 400 naming the role for a role that is not listed, or none; 401 without sign-in', async () => {
    const office = await as('office');
    for (const query of ['role=ADMIN', 'role=UNIT_STAFF', '', 'role=']) {
      const refused = await office.get(`/api/people?${query}`);
      expect([query, refused.status, refused.body.errors?.[0]?.field]).toEqual([query, 400, 'role']);
    }
    expect((await system.http().get('/api/people?role=GOV_LEADER')).status).toBe(401);
  });

  it('lists published announcements of one jurisdiction with links to the page and the .docx; nothing unpublished', async () => {
    expect((await system.http().get('/api/public/vote-announcements?jurisdiction=nowhere')).status).toBe(404);
    expect((await system.http().get('/api/public/vote-announcements?jurisdiction=a%20b')).status).toBe(400);
    expect((await system.http().get('/api/public/vote-announcements')).status).toBe(400);
    expect((await system.http().get('/api/public/vote-announcements?jurisdiction=people').expect(200)).body).toEqual([]);

    const { published, unpublished } = await publishOneVote();
    const listed = (await system.http().get('/api/public/vote-announcements?jurisdiction=people').expect(200)).body;
    expect(listed).toEqual([{
      id: published, label: '〔2026〕第1号', title: '重点建议办理情况满意度测评', meetingName: '县人大常委会第二十次会议', meetingDate: '2026-06-20',
      publishedAt: expect.any(String), items: 1, passed: 1,
      url: `/api/public/vote-announcements/${published}`, docxUrl: `/api/public/vote-announcements/${published}/docx`,
    }]);
    expect(listed.map((a: { id: string }) => a.id)).not.toContain(unpublished);
    await system.http().get(listed[0].url).expect(200);
    await system.http().get(listed[0].docxUrl).expect(200);
    expect((await system.http().get('/api/public/vote-announcements?jurisdiction=people-other').expect(200)).body).toEqual([]);
  });

  /** One key suggestion heard and voted on (published), after a first vote session on it was cancelled. */
  async function publishOneVote(): Promise<{ published: string; unpublished: string }> {
    const [office, deputy, staff, council, chair, member] = await Promise.all(['office', 'deputy001', 'jtj-staff', 'council', 'sc-leader', 'member'].map(as));
    const id = (await deputy.post('/api/suggestions', {
      sessionId: directory.sessionId, title: '关于改善农村道路的建议', content: '建议加快改造。', category: '农业农村', duringSession: true, agreesToDisclosure: true,
    }).expect(201)).body.id as string;
    await deputy.send(id, { type: 'SUBMIT' });
    await office.send(id, { type: 'ACCEPT' });
    await office.send(id, { type: 'ASSIGN', mode: 'SEPARATE', unitIds: [directory.unitIds[6]] });
    await staff.send(id, { type: 'RECORD_CONTACT', method: 'PHONE', contactedAt: '2026-03-09T02:00:00.000Z', participants: '领衔代表' });
    await staff.send(id, { type: 'REPLY', classification: 'A', text: '已完成。', signedBy: '局长', contactPerson: '张三', contactPhone: '0513-1', agreesToDisclosure: true });
    const proposal = (await office.post('/api/key-suggestions/proposals', {
      items: [{ suggestionId: id, supervisingLeaderId: directory.users['sc-leader'], leadingLeaderId: directory.users['gov-leader'] }],
    }).expect(201)).body[0].id;
    await council.post('/api/key-suggestions/decisions', { approve: [proposal] }).expect(200);
    const meeting = (await office.post('/api/council-meetings', { title: '第三十次主任会议', meetingDate: '2026-06-10', suggestionIds: [id] }).expect(201)).body;
    await council.post(`/api/council-meetings/${meeting.id}/agenda/${meeting.agenda[0].id}/hearing`, { reporterName: '局长', report: '已完成。', opinion: '同意。' }).expect(200);
    const create = () => office.post('/api/vote-sessions', {
      title: '重点建议办理情况满意度测评', meetingName: '县人大常委会第二十次会议', meetingDate: '2026-06-20', chairUserId: directory.users['sc-leader'], suggestionIds: [id],
    }).expect(201);
    // A session that never got to its announcement (cancelled), then the one that did.
    const unpublished = (await create()).body.id as string;
    await office.post(`/api/vote-sessions/${unpublished}/events`, { type: 'CANCEL', reason: '会议改期' }).expect(200);
    const session = (await create()).body;
    await chair.post(`/api/vote-sessions/${session.id}/events`, { type: 'OPEN', memberIds: [directory.users.member] }).expect(200);
    await member.post(`/api/vote-sessions/${session.id}/ballots`, { choices: [{ itemId: session.items[0].id, choice: 'SATISFIED' }] }).expect(200);
    await chair.post(`/api/vote-sessions/${session.id}/events`, { type: 'CLOSE' }).expect(200);
    await office.post(`/api/vote-sessions/${session.id}/events`, { type: 'PUBLISH' }).expect(200);
    return { published: session.id, unpublished };
  }
});
