import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { actorsOf, ActingClient } from './support/actors';
import { startTestSystem, TestSystem } from './support/test-system';
import { arrangeApprovals } from './support/approval-ballots';

const CODE = 'livelihood';
const DEPUTIES = 200;
const PLACES = 10;
/** Approvals per candidate in ballot order: nine clear, a tie at the 10th place (130, 130), one outranked, three below 101. */
const TARGETS = [180, 175, 170, 165, 160, 155, 150, 145, 140, 130, 130, 120, 80, 40, 20];
/** Two deputies stay away from the first round: ballots returned 198 of 200, the threshold still counts all 200. */
const ABSENT = 2;
/** The unit users of the seed's units, in the order of directory.unitIds. */
const UNIT_USERS = ['fgj', 'jyj', 'gaj', 'czj', 'zrzyj', 'zjj', 'jtj', 'nyj', 'wjw', 'hbj', 'fy', 'jcy'].map((code) => `${code}-staff`);
const at = (iso: string) => new Date(iso);

async function inChunks<T, R>(items: T[], size: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map((item, offset) => work(item, start + offset)))));
  }
  return results;
}

describe('livelihood projects by deputies’ vote: 200 deputies, 15 candidates, 10 places, a tie, a run-off and a year of progress', () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let as: ReturnType<typeof actorsOf>;
  let office: ActingClient;
  let gov: ActingClient;
  let deputies: ActingClient[];
  let voteId: string;
  /** Active candidates in ballot order (index i is TARGETS[i]). */
  let candidates: Array<{ id: string; title: string; unitId: string | null; source: string }>;
  let proposalIds: string[];
  let withdrawnId: string;
  let chosen: string[];

  const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => system.dataSource.query(sql, params) as Promise<T[]>;
  const vote = () => office.get(`/api/livelihood-votes/${voteId}`).expect(200).then((r) => r.body);
  const send = async (client: ActingClient, event: Record<string, unknown>, status = 200) => {
    const response = await client.post(`/api/livelihood-votes/${voteId}/events`, event);
    expect({ type: event.type, status: response.status, body: status === 200 ? undefined : response.body }).toMatchObject({ type: event.type, status });
    return response.body;
  };
  const ballot = (client: ActingClient, candidateIds: string[]) => client.post(`/api/livelihood-votes/${voteId}/ballots`, { candidateIds });
  const publicGet = (path: string) => system.http().get(`/api/public/${CODE}/${path}`);
  const propose = (body: Record<string, unknown>, code = CODE) => system.http().post(`/api/public/${code}/livelihood-proposals`).send(body);
  const moveTo = async (iso: string) => {
    system.clock.set(at(iso));
    await system.reconcile();
    await system.drainQueues();
  };
  const notifications = async (template: string) => {
    await system.drainQueues();
    return query<{ username: string; kind: string | null }>(
      `SELECT u.username, n.data->>'deadlineKind' AS kind FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.instance_id = $1 AND n.template = $2 ORDER BY u.username, n.created_at`,
      [voteId, template],
    );
  };
  /** Everything of this jurisdiction's livelihood projects a request could change. */
  const fingerprint = async () =>
    JSON.stringify(
      await query(
        `SELECT (SELECT md5(coalesce(string_agg(v::text, ',' ORDER BY v.id), '')) FROM livelihood_votes v WHERE jurisdiction_id = $1) AS votes,
                (SELECT md5(coalesce(string_agg(c::text, ',' ORDER BY c.id), '')) FROM livelihood_candidates c WHERE jurisdiction_id = $1) AS candidates,
                (SELECT md5(coalesce(string_agg(p::text, ',' ORDER BY p.id), '')) FROM livelihood_proposals p WHERE jurisdiction_id = $1) AS proposals,
                (SELECT coalesce(sum(version), 0) FROM workflow_instances WHERE jurisdiction_id = $1) AS versions,
                (SELECT count(*) FROM audit_events WHERE jurisdiction_id = $1 AND workflow <> 'accounts') AS audit,
                (SELECT count(*) FROM livelihood_ballot_receipts WHERE jurisdiction_id = $1) AS receipts,
                (SELECT coalesce(sum(approvals), 0) FROM livelihood_ballot_tallies WHERE jurisdiction_id = $1) AS approvals,
                (SELECT count(*) FROM livelihood_progress_reports WHERE jurisdiction_id = $1) AS progress,
                (SELECT count(*) FROM livelihood_committee_reports WHERE jurisdiction_id = $1) AS committee,
                (SELECT count(*) FROM deadlines WHERE jurisdiction_id = $1) AS deadlines`,
        [directory.jurisdictionId],
      ),
    );
  /** Runs requests that must all be refused, and checks that they changed nothing. */
  const refusedAll = async (cases: Array<[string, () => Promise<{ status: number; body: { code?: string } }>, number, string?]>) => {
    const before = await fingerprint();
    for (const [name, request, status, code] of cases) {
      const response = await request();
      expect({ name, status: response.status, ...(code ? { code: response.body.code } : {}) }).toEqual({ name, status, ...(code ? { code } : {}) });
    }
    expect(await fingerprint()).toBe(before);
  };

  beforeAll(async () => {
    system = await startTestSystem({ now: at('2026-01-05T02:00:00Z') });
    directory = await seedDirectory(system.dataSource, { code: CODE, name: '票决县', deputies: DEPUTIES });
    as = actorsOf(system, CODE);
    [office, gov] = [await as('office'), await as('gov-office')];
    deputies = await inChunks(Array.from({ length: DEPUTIES }, (_, i) => `deputy${String(i + 1).padStart(3, '0')}`), 20, (name) => as(name));
  }, 180_000);

  afterAll(async () => system.close());

  it('takes proposals from the public with validation and a limit per address, changing nothing when refused', async () => {
    const ideas = ['在城北新建一座社区公园', '为老旧小区加装电梯', '增设农村公交班次'];
    proposalIds = [];
    for (const [i, title] of ideas.entries()) {
      const created = await propose({ title, description: `${title}，方便群众生活。`, location: '城北街道', proposerName: '市民张先生', contact: `1380000000${i}` }).expect(201);
      expect(created.body).toMatchObject({ status: 'PENDING' });
      proposalIds.push(created.body.id);
    }
    await refusedAll([
      ['no title', () => propose({ description: '内容' }), 400, 'INVALID_INPUT'],
      ['a blank title', () => propose({ title: '   ', description: '内容' }), 400, 'INVALID_INPUT'],
      ['a title too long', () => propose({ title: '长'.repeat(101), description: '内容' }), 400, 'INVALID_INPUT'],
      ['an unknown field', () => propose({ title: '标题', description: '内容', budget: 1 }), 400, 'INVALID_INPUT'],
      ['an unknown jurisdiction', () => propose({ title: '标题', description: '内容' }, 'no-such-county'), 404, 'LIVELIHOOD_JURISDICTION_NOT_FOUND'],
    ]);
    // Five an hour from one address: two more are taken, the sixth is refused until the hour has passed.
    for (const n of [4, 5]) await propose({ title: `第${n}条建议`, description: '建议内容。' }).expect(201);
    await refusedAll([['a sixth within the hour', () => propose({ title: '第6条建议', description: '建议内容。' }), 429, 'LIVELIHOOD_PROPOSAL_THROTTLED']]);

    const listed = (await gov.get('/api/livelihood-proposals?status=PENDING').expect(200)).body;
    expect(listed).toHaveLength(5);
    expect(listed.find((p: { id: string }) => p.id === proposalIds[0])).toMatchObject({ proposerContact: '13800000000', location: '城北街道' });
    expect(JSON.stringify(listed)).not.toContain('clientKey');
    await refusedAll([['a deputy reading proposals', () => deputies[0].get('/api/livelihood-proposals'), 403, 'CAPABILITY_FORBIDDEN']]);
  });

  it('creates the year’s vote and collects 14 candidates from the government and 2 adopted public proposals', async () => {
    const body = { year: 2026, title: '2026年度县政府民生实事项目', sessionName: '县十七届人大三次会议', places: PLACES };
    await refusedAll([
      ['no places', () => gov.post('/api/livelihood-votes', { ...body, places: 0 }), 400, 'INVALID_INPUT'],
      ['a deputy', () => deputies[0].post('/api/livelihood-votes', body), 403, 'CAPABILITY_FORBIDDEN'],
    ]);
    const created = (await gov.post('/api/livelihood-votes', body).expect(201)).body;
    voteId = created.id;
    expect(created).toMatchObject({ state: 'collecting', places: PLACES, allowedEvents: ['ADD_CANDIDATE', 'SUBMIT_LIST', 'WITHDRAW_CANDIDATE'] });
    await refusedAll([['the same year again', () => gov.post('/api/livelihood-votes', body), 409, 'LIVELIHOOD_VOTE_CONFLICT']]);

    for (let i = 0; i < 14; i++) {
      await gov.post(`/api/livelihood-votes/${voteId}/candidates`, {
        title: `民生实事项目${i + 1}`, description: `项目${i + 1}的建设内容、投资和进度安排。`, unitId: directory.unitIds[i % 12],
      }).expect(201);
    }
    for (const proposalId of proposalIds.slice(0, 2)) {
      const adopted = await gov.post(`/api/livelihood-proposals/${proposalId}/adopt`, { voteId, unitId: directory.unitIds[5] }).expect(200);
      expect(adopted.body).toMatchObject({ status: 'ADOPTED', voteId });
    }
    await refusedAll([
      ['adopting a proposal twice', () => gov.post(`/api/livelihood-proposals/${proposalIds[0]}/adopt`, { voteId }), 409, 'LIVELIHOOD_PROPOSAL_CONFLICT'],
      ['an unknown unit', () => gov.post(`/api/livelihood-votes/${voteId}/candidates`, { title: 't', description: 'd', unitId: '00000000-0000-4000-8000-000000000000' }), 400, 'INVALID_INPUT'],
      ['a unit adding candidates', () => as(UNIT_USERS[0]).then((u) => u.post(`/api/livelihood-votes/${voteId}/candidates`, { title: 't', description: 'd' })), 403, 'CAPABILITY_FORBIDDEN'],
      ['the list before the committee approved it', () => publicGet(`livelihood-projects/${voteId}/candidates`), 404, 'LIVELIHOOD_VOTE_NOT_FOUND'],
      ['a ballot before the vote opened', () => ballot(deputies[0], []), 409, 'LIVELIHOOD_BALLOT_NOT_OPEN_CONFLICT'],
    ]);
  });

  it('goes to the standing committee, which returns it once; one candidate is withdrawn; then the committee approves 15', async () => {
    await send(gov, { type: 'SUBMIT_LIST' });
    await send(gov, { type: 'APPROVE_LIST' }, 403);
    await send(office, { type: 'RETURN_LIST', reason: '' }, 400);
    expect(await send(office, { type: 'RETURN_LIST', reason: '请补充项目投资测算。' })).toMatchObject({ state: 'collecting', returnReason: '请补充项目投资测算。' });
    withdrawnId = (await vote()).candidates[3].id;
    await send(gov, { type: 'WITHDRAW_CANDIDATE', candidateId: withdrawnId, reason: '与其他项目重复。' });
    await send(gov, { type: 'SUBMIT_LIST' });
    const approved = await send(office, { type: 'APPROVE_LIST' });
    expect(approved.state).toBe('approved');
    candidates = approved.candidates.filter((c: { withdrawn: boolean }) => !c.withdrawn);
    expect(candidates).toHaveLength(15);
    expect(candidates.filter((c) => c.source === 'PUBLIC')).toHaveLength(2);
    expect(approved.candidates.find((c: { id: string }) => c.id === withdrawnId)).toMatchObject({ withdrawn: true, withdrawReason: '与其他项目重复。' });

    const shown = (await publicGet(`livelihood-projects/${voteId}/candidates`).expect(200)).body;
    expect(shown.candidates.map((c: { id: string }) => c.id)).toEqual(candidates.map((c) => c.id));
    expect(shown.candidates.filter((c: { source: string }) => c.source === 'PUBLIC').map((c: { title: string }) => c.title)).toEqual(['在城北新建一座社区公园', '为老旧小区加装电梯']);
    expect(JSON.stringify(shown)).not.toMatch(/1380000000|市民张先生|jurisdiction/i);
  });

  it('opens the vote with every deputy of the jurisdiction entitled', async () => {
    await send(gov, { type: 'OPEN' }, 403);
    const opened = await send(office, { type: 'OPEN' });
    expect(opened).toMatchObject({ state: 'voting', ballot: { round: 1, places: PLACES, electorate: DEPUTIES, entitled: DEPUTIES, returned: 0 } });
    expect(opened.ballot.candidateIds).toEqual(candidates.map((c) => c.id));
  });

  it('refuses bad ballots with a clear 4xx, recording nothing', async () => {
    const ids = candidates.map((c) => c.id);
    await refusedAll([
      ['not entitled', () => ballot(office, ids.slice(0, 3)), 403, 'LIVELIHOOD_VOTER_FORBIDDEN'],
      ['more than K approvals', () => ballot(deputies[0], ids.slice(0, PLACES + 1)), 400, 'INVALID_INPUT'],
      ['a withdrawn candidate', () => ballot(deputies[0], [withdrawnId]), 400, 'INVALID_INPUT'],
      ['a candidate twice', () => ballot(deputies[0], [ids[0], ids[0]]), 400, 'INVALID_INPUT'],
      ['not a list', () => deputies[0].post(`/api/livelihood-votes/${voteId}/ballots`, { candidateIds: 'all' }), 400, 'INVALID_INPUT'],
      ['an unknown vote', () => deputies[0].post('/api/livelihood-votes/00000000-0000-4000-8000-000000000000/ballots', { candidateIds: [] }), 404, 'LIVELIHOOD_VOTE_NOT_FOUND'],
    ]);
    const tooMany = await ballot(deputies[0], ids.slice(0, PLACES + 1));
    expect(tooMany.body.errors).toEqual([{ field: 'candidateIds', reason: `approves ${PLACES + 1} candidates; a ballot may approve at most ${PLACES}` }]);
  });

  it(`counts ${DEPUTIES - ABSENT} secret ballots cast in chunks of 20, each deputy once`, async () => {
    const sets = arrangeApprovals(TARGETS, DEPUTIES - ABSENT);
    expect(Math.max(...sets.map((s) => s.length))).toBeLessThanOrEqual(PLACES);
    const choices = (v: number) => sets[v].map((c) => candidates[c].id);
    // The first 20 send their ballot twice at the same moment: one counts, the other is a 409.
    const doubled = await Promise.all(deputies.slice(0, 20).flatMap((d, v) => [ballot(d, choices(v)), ballot(d, choices(v))]));
    expect(doubled.map((r) => r.status).sort()).toEqual([...Array(20).fill(200), ...Array(20).fill(409)]);
    const rest = await inChunks(deputies.slice(20, DEPUTIES - ABSENT), 20, (d, i) => ballot(d, choices(i + 20)));
    expect(rest.every((r) => r.status === 200)).toBe(true);
    await refusedAll([['a second ballot', () => ballot(deputies[5], choices(5)), 409, 'LIVELIHOOD_BALLOT_ALREADY_CAST_CONFLICT']]);
    // A ballot adds 1 or 0 to one random shard of every candidate: the rows carrying a deputy's transaction (shared with
    // their receipt) name every candidate, never only the approved ones, and a shard shows masked offsets, not a count.
    const lastWriters = await query<{ rows: number }>(
      `SELECT count(*)::int AS rows FROM livelihood_ballot_tallies t
        WHERE t.vote_id = $1 AND EXISTS (SELECT 1 FROM livelihood_ballot_receipts r WHERE r.vote_id = $1 AND r.xmin = t.xmin) GROUP BY t.xmin`,
      [voteId],
    );
    expect(lastWriters.length).toBeGreaterThan(0);
    expect(lastWriters.every((w) => w.rows === candidates.length)).toBe(true);
    const readable = await query<{ n: number }>('SELECT count(*)::int AS n FROM livelihood_ballot_tallies WHERE vote_id = $1 AND approvals BETWEEN 0 AND $2', [voteId, DEPUTIES]);
    expect(readable[0].n).toBeLessThan(5);

    // While the round is open: turnout only, for the office and on the public site no count at all.
    const open = await vote();
    expect(open.ballot).toMatchObject({ entitled: DEPUTIES, returned: DEPUTIES - ABSENT });
    expect(open.result.rounds).toEqual([]);
    expect((await deputies[DEPUTIES - 1].get(`/api/livelihood-votes/${voteId}`).expect(200)).body.ballot).toMatchObject({ entitledMe: true, returnedMe: false });
    expect((await publicGet(`livelihood-projects/${voteId}/result`).expect(200)).body).toMatchObject({ votingOpen: true, rounds: [], chosen: [] });
  });

  it('closes the round: nine chosen, the tie at the 10th place reported for a run-off', async () => {
    await send(gov, { type: 'CLOSE' }, 403);
    const closed = await send(office, { type: 'CLOSE' });
    expect(closed.state).toBe('runoff');
    const [round] = closed.result.rounds;
    expect(round).toMatchObject({ round: 1, electorate: DEPUTIES, minimumApprovals: 101, ballotsIssued: DEPUTIES, ballotsReturned: DEPUTIES - ABSENT });
    expect(round.counts.map((c: { candidateId: string; approvals: number }) => [c.candidateId, c.approvals])).toEqual(candidates.map((c, i) => [c.id, TARGETS[i]]));
    expect(round.counts.map((c: { outcome: string }) => c.outcome)).toEqual([...Array(9).fill('CHOSEN'), 'RUNOFF', 'RUNOFF', 'OUTRANKED', 'FAILED', 'FAILED', 'FAILED']);
    expect(closed.result.chosen.map((c: { candidateId: string }) => c.candidateId)).toEqual(candidates.slice(0, 9).map((c) => c.id));
    expect(closed.result.tie).toMatchObject({ places: 1 });
    expect([...closed.result.tie.candidateIds].sort()).toEqual([candidates[9].id, candidates[10].id].sort());

    const shown = (await publicGet(`livelihood-projects/${voteId}/result`).expect(200)).body;
    expect(shown).toMatchObject({ votingOpen: false, state: 'runoff', rounds: [{ round: 1, counts: round.counts }], tie: closed.result.tie });
    await refusedAll([['a ballot once the round closed', () => ballot(deputies[DEPUTIES - 1], []), 409, 'LIVELIHOOD_BALLOT_NOT_OPEN_CONFLICT']]);
  });

  it('holds the run-off on the two tied candidates for the one place left, and chooses ten', async () => {
    const opened = await send(office, { type: 'OPEN_RUNOFF' });
    const [c10, c11] = [candidates[9].id, candidates[10].id];
    expect(opened.ballot).toMatchObject({ round: 2, places: 1, entitled: DEPUTIES, returned: 0 });
    expect([...opened.ballot.candidateIds].sort()).toEqual([c10, c11].sort());
    await refusedAll([
      ['both tied candidates on a one-place ballot', () => ballot(deputies[0], [c10, c11]), 400, 'INVALID_INPUT'],
      ['a candidate already chosen', () => ballot(deputies[0], [candidates[0].id]), 400, 'INVALID_INPUT'],
    ]);
    // 120 for the 11th, 70 for the 10th, 10 blank ballots.
    const choice = (v: number) => (v < 120 ? [c11] : v < 190 ? [c10] : []);
    const answers = await inChunks(deputies, 20, (d, v) => ballot(d, choice(v)));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    const closed = await send(office, { type: 'CLOSE' });
    expect(closed.state).toBe('tracking');
    expect(closed.result.rounds[1]).toMatchObject({ round: 2, places: 1, ballotsReturned: DEPUTIES, counts: [{ candidateId: c11, approvals: 120, outcome: 'CHOSEN' }, { candidateId: c10, approvals: 70, outcome: 'FAILED' }] });
    expect(closed.result.tie).toBeNull();
    chosen = closed.result.chosen.map((c: { candidateId: string }) => c.candidateId);
    expect(chosen).toEqual([...candidates.slice(0, 9).map((c) => c.id), c11]);
    expect(closed.projects).toHaveLength(10);
    expect(closed.openDeadlines).toEqual([{ key: 'progress', kind: 'PROGRESS_REPORT', dueAt: '2026-04-05T15:59:59.999Z', unitId: null }]);
    expect((await notifications('ASSIGNED')).map((n) => n.username)).toEqual(expect.arrayContaining(['office', 'fgj-staff', 'zjj-staff']));
    const outcomes = await query<{ outcome: string; count: string }>('SELECT outcome, count(*) FROM livelihood_candidates WHERE vote_id = $1 GROUP BY outcome ORDER BY outcome', [voteId]);
    expect(outcomes).toEqual([{ outcome: 'CHOSEN', count: '10' }, { outcome: 'FAILED', count: '4' }, { outcome: 'OUTRANKED', count: '1' }, { outcome: null, count: '1' }]);
  });

  it('keeps who voted apart from what was voted: no column, join, time or transaction links a receipt to an approval', async () => {
    const columns = async (table: string) =>
      query<{ name: string; type: string; default: string | null }>(
        `SELECT column_name AS name, data_type AS type, column_default AS "default" FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = $1 ORDER BY column_name`,
        [table],
      );
    const receipts = await columns('livelihood_ballot_receipts');
    const tallies = await columns('livelihood_ballot_tallies');
    expect(receipts.map((c) => c.name)).toEqual(['jurisdiction_id', 'round', 'vote_id', 'voter_user_id']);
    expect(tallies.map((c) => c.name)).toEqual(['approvals', 'candidate_id', 'jurisdiction_id', 'round', 'shard', 'vote_id']);
    for (const c of [...receipts, ...tallies]) {
      expect({ column: c.name, type: c.type }).toEqual({ column: c.name, type: expect.not.stringMatching(/time|date|serial/) });
      expect(c.default ?? '').not.toMatch(/nextval|now|uuid|random/);
    }
    // Once a round closed its counters are gone: the counts live on only in the CLOSE event, written by the office.
    expect(await query('SELECT count(*)::int AS n FROM livelihood_ballot_tallies WHERE vote_id = $1', [voteId])).toEqual([{ n: 0 }]);
    expect(await query('SELECT round, count(*)::int AS n FROM livelihood_ballot_receipts WHERE vote_id = $1 GROUP BY round ORDER BY round', [voteId])).toEqual([
      { round: 1, n: DEPUTIES - ABSENT }, { round: 2, n: DEPUTIES },
    ]);
    const [{ linked }] = await query<{ linked: number }>(
      `SELECT count(*)::int AS linked FROM livelihood_ballot_receipts r
        WHERE r.vote_id = $1 AND (EXISTS (SELECT 1 FROM audit_events a WHERE a.instance_id = $1 AND a.xmin = r.xmin)
                                  OR EXISTS (SELECT 1 FROM workflow_instances i WHERE i.id = $1 AND i.xmin = r.xmin))`,
      [voteId],
    );
    expect(linked).toBe(0);
    // No ballot reached the audit trail: a deputy appears only in the entitlement lists of OPEN and OPEN_RUNOFF.
    const audit = await query<{ eventType: string; payload: string }>('SELECT event_type AS "eventType", payload::text FROM audit_events WHERE instance_id = $1 ORDER BY seq', [voteId]);
    expect(audit.filter((a) => a.payload.includes(deputies[7].userId)).map((a) => a.eventType)).toEqual(['OPEN', 'OPEN_RUNOFF']);
    expect(audit.map((a) => a.eventType).filter((t) => ['OPEN', 'CLOSE', 'OPEN_RUNOFF'].includes(t))).toEqual(['OPEN', 'CLOSE', 'OPEN_RUNOFF', 'CLOSE']);
  });

  it('tracks the year: milestones, progress reports, a reminder, an overdue milestone and a late report escalated', async () => {
    const unitOf = async (projectId: string) => as(UNIT_USERS[directory.unitIds.indexOf(candidates.find((c) => c.id === projectId)!.unitId as string)]);
    const [p1, p2] = chosen;
    const u1 = await unitOf(p1);
    system.clock.set(at('2026-01-06T02:00:00Z'));
    await refusedAll([
      ['a milestone already past', () => u1.post(`/api/livelihood-votes/${voteId}/events`, { type: 'SET_MILESTONES', projectId: p1, milestones: [{ title: '开工', dueDate: '2026-01-01' }] }), 409, 'EVENT_REFUSED_CONFLICT'],
      ['a date that does not exist', () => u1.post(`/api/livelihood-votes/${voteId}/events`, { type: 'SET_MILESTONES', projectId: p1, milestones: [{ title: '开工', dueDate: '2026-02-30' }] }), 400, 'INVALID_INPUT'],
      ['another unit’s project', () => u1.post(`/api/livelihood-votes/${voteId}/events`, { type: 'SET_MILESTONES', projectId: p2, milestones: [{ title: '开工', dueDate: '2026-03-31' }] }), 409, 'EVENT_REFUSED_CONFLICT'],
      ['a deputy reporting', () => deputies[0].post(`/api/livelihood-votes/${voteId}/events`, { type: 'REPORT_PROGRESS', projectId: p1, percent: 10, text: '进展' }), 403, 'EVENT_FORBIDDEN'],
    ]);
    const set1 = await send(u1, { type: 'SET_MILESTONES', projectId: p1, milestones: [{ title: '开工', dueDate: '2026-03-31' }, { title: '完工', dueDate: '2026-09-30' }] });
    const [m1, m2] = set1.projects.find((p: { projectId: string }) => p.projectId === p1).milestones.map((m: { id: string }) => m.id);
    await send(await unitOf(p2), { type: 'SET_MILESTONES', projectId: p2, milestones: [{ title: '完成招标', dueDate: '2026-05-31' }] });

    // 2026-03-07: 30 days before the first report to the standing committee is due, the office is reminded.
    await moveTo('2026-03-07T02:00:00Z');
    expect(await notifications('DEADLINE_REMINDER')).toEqual(expect.arrayContaining([{ username: 'office', kind: 'PROGRESS_REPORT' }, { username: u1Name(), kind: 'PROJECT_MILESTONE' }]));
    system.clock.set(at('2026-03-20T02:00:00Z'));
    await send(u1, { type: 'REPORT_PROGRESS', projectId: p1, percent: 40, text: '项目已开工建设。', milestoneIds: [m1] });
    await send(u1, { type: 'REPORT_PROGRESS', projectId: p1, percent: 30, text: '倒退' }, 409);
    const first = await send(gov, { type: 'REPORT_TO_COMMITTEE', text: '一季度民生实事项目进展情况报告。' });
    expect(first.openDeadlines.find((d: { key: string }) => d.key === 'progress')).toMatchObject({ dueAt: '2026-06-20T15:59:59.999Z' });

    // 2026-06-22: project 2's milestone (05-31) and the second report (06-20) have passed: both escalated.
    await moveTo('2026-06-22T02:00:00Z');
    const overdue = await notifications('OVERDUE');
    expect(overdue.map((n) => n.username)).toEqual(expect.arrayContaining(['office', UNIT_USERS[directory.unitIds.indexOf(candidates.find((c) => c.id === p2)!.unitId as string)]]));
    const late = await vote();
    expect(late).toMatchObject({ progressOverdue: 1 });
    expect(late.projects.find((p: { projectId: string }) => p.projectId === p2).milestones[0]).toMatchObject({ overdue: true, doneAt: null });
    expect(late.openDeadlines.map((d: { key: string }) => d.key)).toEqual([`milestone_${m2}`]);
    // The reconciler again: nothing fires twice.
    await moveTo('2026-06-22T03:00:00Z');
    expect(await notifications('OVERDUE')).toHaveLength(overdue.length);

    system.clock.set(at('2026-06-25T02:00:00Z'));
    await send(gov, { type: 'REPORT_TO_COMMITTEE', text: '上半年民生实事项目进展情况报告。' });
    system.clock.set(at('2026-09-10T02:00:00Z'));
    await send(u1, { type: 'REPORT_PROGRESS', projectId: p1, percent: 100, text: '项目已竣工。', milestoneIds: [m2] });
    await send(gov, { type: 'REPORT_TO_COMMITTEE', text: '三季度民生实事项目进展情况报告。' });
    system.clock.set(at('2026-12-01T02:00:00Z'));
    for (const [i, projectId] of chosen.slice(1).entries()) {
      await send(gov, { type: 'REPORT_PROGRESS', projectId, percent: i < 7 ? 100 : 90, text: i < 7 ? '项目已完成。' : '主体完工，正在验收。' });
    }
    const yearEnd = await send(gov, { type: 'REPORT_TO_COMMITTEE', text: '全年民生实事项目完成情况报告。' });
    expect(yearEnd.projects.filter((p: { completed: boolean }) => p.completed)).toHaveLength(8);
    const reports = await query<{ onTime: boolean; dueAt: Date | null }>('SELECT on_time AS "onTime", due_at AS "dueAt" FROM livelihood_committee_reports WHERE vote_id = $1 ORDER BY reported_at', [voteId]);
    expect(reports.map((r) => [r.onTime, r.dueAt === null])).toEqual([[true, false], [false, true], [true, false], [true, false]]);

    function u1Name() {
      return UNIT_USERS[directory.unitIds.indexOf(candidates.find((c) => c.id === p1)!.unitId as string)];
    }
  }, 120_000);

  it('scores every chosen project at year end in the standing committee’s satisfaction vote, which concludes the year', async () => {
    const members: string[] = [];
    for (let m = 0; m < 12; m++) {
      const [row] = await query<{ id: string }>(`INSERT INTO users (jurisdiction_id, username, display_name, roles) VALUES ($1, $2, $3, '{SC_MEMBER}') RETURNING id`, [
        directory.jurisdictionId, `member-${m + 1}`, `常委会委员${m + 1}`,
      ]);
      members.push(row.id);
    }
    const memberIds = [...members, directory.users.member, directory.users.council, directory.users['sc-leader']];
    system.clock.set(at('2026-12-20T02:00:00Z'));
    const subjects = chosen.map((id) => ({ kind: 'LIVELIHOOD_PROJECT', id }));
    await refusedAll([
      ['a candidate that was not chosen', () => office.post('/api/vote-sessions', { title: 't', meetingName: 'm', meetingDate: '2026-12-25', subjects: [{ kind: 'LIVELIHOOD_PROJECT', id: candidates[14].id }] }), 400, 'INVALID_INPUT'],
    ]);
    const session = (await office.post('/api/vote-sessions', {
      title: '2026年度民生实事项目满意度测评', meetingName: '县十七届人大常委会第三十次会议', meetingDate: '2026-12-25', chairUserId: directory.users['sc-leader'], subjects,
    }).expect(201)).body;
    expect(session.items.map((i: { subjectId: string }) => i.subjectId)).toEqual(chosen);
    await office.post(`/api/vote-sessions/${session.id}/events`, { type: 'OPEN', memberIds }).expect(200);
    const scorers = await Promise.all(['member', 'council', 'sc-leader', ...members.map((_, m) => `member-${m + 1}`)].map((name) => as(name)));
    // The last project is scored unsatisfied by 9 of 15 members: it fails; every other passes.
    const choiceOf = (voter: number, item: number) => (item === chosen.length - 1 && voter < 9 ? 'UNSATISFIED' : voter % 3 === 0 ? 'BASICALLY_SATISFIED' : 'SATISFIED');
    const answers = await Promise.all(
      scorers.map((scorer, v) => scorer.post(`/api/vote-sessions/${session.id}/ballots`, { choices: session.items.map((item: { id: string }, i: number) => ({ itemId: item.id, choice: choiceOf(v, i) })) })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(15).fill(200));
    const closed = (await office.post(`/api/vote-sessions/${session.id}/events`, { type: 'CLOSE' }).expect(200)).body;
    expect(closed.items.map((i: { passed: boolean }) => i.passed)).toEqual([...Array(9).fill(true), false]);
    await office.post(`/api/vote-sessions/${session.id}/events`, { type: 'PUBLISH' }).expect(200);

    const done = await vote();
    expect(done).toMatchObject({ state: 'done', openDeadlines: [], allowedEvents: [] });
    expect(done.projects.map((p: { score: { passed: boolean } }) => p.score.passed)).toEqual([...Array(9).fill(true), false]);
  });

  it('counts the year’s figures', async () => {
    await refusedAll([
      ['a deputy', () => deputies[0].get('/api/livelihood-votes/figures?year=2026'), 403, 'CAPABILITY_FORBIDDEN'],
      ['no year', () => office.get('/api/livelihood-votes/figures?year=abc'), 400, 'INVALID_INPUT'],
    ]);
    const figures = (await (await as('sc-leader')).get('/api/livelihood-votes/figures?year=2026').expect(200)).body;
    expect(figures).toMatchObject({
      year: 2026, candidates: 15, rounds: 2, projectsChosen: 10, projectsCompleted: 8,
      committeeReports: { made: 4, onTime: 3, onTimeRate: 0.75, overdue: 1 },
      milestones: { total: 3, done: 2, onTime: 2, overdue: 1 },
      satisfaction: { projectsScored: 10, passed: 9, ballotsReturned: 150 },
    });
    expect(figures.satisfaction.satisfied + figures.satisfaction.basicallySatisfied + figures.satisfaction.unsatisfied).toBe(150);
    expect((await office.get('/api/livelihood-votes/figures?year=2025').expect(200)).body).toMatchObject({ projectsChosen: 0, votes: [] });
    // The year's figures of the reports include the section.
    const report = (await office.get('/api/reports/figures?asOf=2026-12-31').expect(200)).body;
    expect(report.livelihood).toMatchObject({ year: 2026, projectsChosen: 10, projectsCompleted: 8, committeeReports: { onTime: 3 }, satisfaction: { passed: 9 } });
  });

  it('counts the year’s figures as they stood at an earlier date', async () => {
    await refusedAll([
      ['a date that does not exist', () => office.get('/api/livelihood-votes/figures?year=2026&asOf=2026-02-30'), 400, 'INVALID_INPUT'],
      ['not a date', () => office.get('/api/livelihood-votes/figures?year=2026&asOf=yesterday'), 400, 'INVALID_INPUT'],
    ]);
    const asOf = async (date: string) => (await office.get(`/api/livelihood-votes/figures?year=2026&asOf=${date}`).expect(200)).body;
    const noScores = { projectsScored: 0, passed: 0, ballotsReturned: 0, satisfiedRate: null };
    // Before the vote was created: nothing.
    expect(await asOf('2026-01-04')).toMatchObject({ votes: [], candidates: 0, rounds: 0, projectsChosen: 0, milestones: { total: 0 } });
    // Chosen, milestones set, but no report made and no milestone due or done yet.
    expect(await asOf('2026-03-19')).toMatchObject({
      asOf: '2026-03-19T15:59:59.999Z', votes: [{ id: voteId, state: 'tracking', electorate: DEPUTIES }], candidates: 15, rounds: 2, projectsChosen: 10,
      projectsCompleted: 0, committeeReports: { made: 0, onTime: 0, onTimeRate: null, overdue: 0 }, milestones: { total: 3, done: 0, onTime: 0, overdue: 0 }, satisfaction: noScores,
    });
    // After the first report and milestone, the escalations of 06-22 and the late report of 06-25.
    const midYear = await asOf('2026-06-30');
    expect(midYear).toMatchObject({
      projectsCompleted: 0, committeeReports: { made: 2, onTime: 1, onTimeRate: 0.5, overdue: 1 }, milestones: { total: 3, done: 1, onTime: 1, overdue: 1 }, satisfaction: noScores,
    });
    // Every report made, eight projects completed, but not yet scored.
    expect(await asOf('2026-12-10')).toMatchObject({
      votes: [{ state: 'tracking' }], projectsCompleted: 8, committeeReports: { made: 4, onTime: 3, overdue: 1 }, milestones: { done: 2, onTime: 2, overdue: 1 }, satisfaction: noScores,
    });
    // An instant counts too; the report's section reads the same as of its own date.
    expect(await asOf('2026-03-20T02:00:00.000Z')).toMatchObject({ committeeReports: { made: 1, onTime: 1 }, milestones: { done: 1, onTime: 1 } });
    const report = (await office.get('/api/reports/figures?asOf=2026-06-30').expect(200)).body;
    expect(report.livelihood).toEqual({ ...midYear, asOf: report.asOf });
  });

  it('shows the result and the year’s progress on the public site, and keeps an unbroken audit chain', async () => {
    expect((await publicGet('livelihood-projects').expect(200)).body).toEqual([expect.objectContaining({ id: voteId, year: 2026, state: 'done', electorate: DEPUTIES })]);
    const result = (await publicGet(`livelihood-projects/${voteId}/result`).expect(200)).body;
    expect(result.rounds).toHaveLength(2);
    expect(result.chosen.map((c: { candidateId: string }) => c.candidateId)).toEqual(chosen);
    const progress = (await publicGet(`livelihood-projects/${voteId}/progress`).expect(200)).body;
    expect(progress.projects).toHaveLength(10);
    expect(progress.projects[0]).toMatchObject({ progress: 100, completed: true, satisfaction: { passed: true, ballotsReturned: 15 } });
    expect(progress.projects[0].reports.map((r: { percent: number }) => r.percent)).toEqual([40, 100]);
    expect(progress.committeeReports.map((r: { onTime: boolean }) => r.onTime)).toEqual([true, false, true, true]);
    expect(JSON.stringify(progress)).not.toContain(directory.jurisdictionId);
    await refusedAll([
      ['an unknown jurisdiction', () => system.http().get(`/api/public/no-such-county/livelihood-projects/${voteId}/result`), 404, 'LIVELIHOOD_JURISDICTION_NOT_FOUND'],
      ['a malformed id', () => publicGet('livelihood-projects/abc/result'), 400, 'INVALID_INPUT'],
    ]);

    const audit = await query<{ seq: number; prev_hash: string; hash: string }>('SELECT seq, prev_hash, hash FROM audit_events WHERE instance_id = $1 ORDER BY seq', [voteId]);
    audit.forEach((entry, index) => {
      expect(entry.seq).toBe(index + 1);
      if (index > 0) expect(entry.prev_hash).toBe(audit[index - 1].hash);
    });
    expect(audit.length).toBeGreaterThan(40);
  });
});
