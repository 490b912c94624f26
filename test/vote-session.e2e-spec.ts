import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TALLY_SHARDS } from '@app/meetings';
import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { actorsOf, ActingClient } from './support/actors';
import { startTestSystem, TestSystem } from './support/test-system';

const ITEMS = 30;
const VOTERS = 60;
const CHOICES = ['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'] as const;
/** A fixed, varied pattern, so the expected count of every option on every item is known. */
const choiceOf = (voter: number, item: number) => CHOICES[(voter * 7 + item * 3) % 3 === 0 ? 2 : (voter + item) % 2];

describe('satisfaction vote: bad input, secret ballot, live count, 60 voters × 30 items at once', () => {
  const CODE = 'vote-session';
  let system: TestSystem;
  let directory: SeededDirectory;
  let as: ReturnType<typeof actorsOf>;
  let office: ActingClient;
  let chair: ActingClient;
  let sessionId: string;
  let items: Array<{ id: string; suggestionId: string }>;
  const voterIds: string[] = [];
  const voterName = (v: number) => `voter-${String(v + 1).padStart(2, '0')}`;
  const ballot = (client: ActingClient, choices: Array<{ itemId: string; choice: string }>) => client.post(`/api/vote-sessions/${sessionId}/ballots`, { choices });
  const receipts = async () => Number((await system.dataSource.query('SELECT count(*) FROM vote_receipts WHERE vote_session_id = $1', [sessionId]))[0].count);
  const tallied = async () =>
    Number((await system.dataSource.query('SELECT coalesce(sum(satisfied + basically_satisfied + unsatisfied), 0) AS n FROM vote_tallies WHERE vote_session_id = $1', [sessionId]))[0].n);

  beforeAll(async () => {
    system = await startTestSystem();
    directory = await seedDirectory(system.dataSource, { code: CODE, name: '测评县', deputies: 3 });
    as = actorsOf(system, CODE);
    [office, chair] = [await as('office'), await as('sc-leader')];
    for (let v = 0; v < VOTERS; v++) {
      const [row] = await system.dataSource.query(
        `INSERT INTO users (jurisdiction_id, username, display_name, roles) VALUES ($1, $2, $3, '{SC_MEMBER}') RETURNING id`,
        [directory.jurisdictionId, voterName(v), `委员${v + 1}`],
      );
      voterIds.push(row.id);
    }
    await heardKeySuggestions();
  }, 120_000);

  afterAll(async () => system.close());

  /** 30 accepted and assigned suggestions, made key by the council and heard, all through the api. */
  async function heardKeySuggestions(): Promise<void> {
    const deputy = await as('deputy001');
    const ids: string[] = [];
    for (let i = 0; i < ITEMS; i++) {
      const created = await deputy.post('/api/suggestions', {
        sessionId: directory.sessionId, title: `关于第${i + 1}项民生实事的建议`, content: '建议研究解决。', category: '社会建设', duringSession: true, agreesToDisclosure: true,
      }).expect(201);
      await deputy.send(created.body.id, { type: 'SUBMIT' });
      await office.send(created.body.id, { type: 'ACCEPT' });
      await office.send(created.body.id, { type: 'ASSIGN', mode: 'SEPARATE', unitIds: [directory.unitIds[i % 12]] });
      ids.push(created.body.id);
    }
    const proposals = await office.post('/api/key-suggestions/proposals', {
      items: ids.map((suggestionId) => ({ suggestionId, supervisingLeaderId: directory.users['sc-leader'], leadingLeaderId: directory.users['gov-leader'] })),
    }).expect(201);
    const council = await as('council');
    await council.post('/api/key-suggestions/decisions', { approve: proposals.body.map((p: { id: string }) => p.id) }).expect(200);
    let meeting = (await office.post('/api/council-meetings', { title: '主任会议', meetingDate: '2026-05-20', suggestionIds: ids }).expect(201)).body;
    while (meeting.nextItemId) {
      meeting = (await council.post(`/api/council-meetings/${meeting.id}/agenda/${meeting.nextItemId}/hearing`, {
        reporterName: '承办单位负责人', report: '办理情况报告。', opinion: '同意报告。',
      }).expect(200)).body;
    }
    const session = await office.post('/api/vote-sessions', {
      title: '重点建议满意度测评', meetingName: '常委会第二十次会议', meetingDate: '2026-06-20', chairUserId: directory.users['sc-leader'], suggestionIds: ids,
    }).expect(201);
    sessionId = session.body.id;
    items = session.body.items;
  }

  it('refuses bad preparation and opening, and a ballot before the session opens', async () => {
    const notHeard = await office.post('/api/vote-sessions', { title: 't', meetingName: 'm', meetingDate: '2026-06-20', suggestionIds: [items[0].suggestionId] });
    expect(notHeard.status).toBe(409);
    expect(notHeard.body.code).toBe('VOTE_ITEM_CONFLICT');
    const badDate = await office.post('/api/vote-sessions', { title: 't', meetingName: 'm', meetingDate: '2026-13-01', suggestionIds: [items[0].suggestionId] });
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors[0].field).toBe('meetingDate');

    const early = await ballot(await as(voterName(0)), [{ itemId: items[0].id, choice: 'SATISFIED' }]);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('VOTE_SESSION_NOT_OPEN_CONFLICT');

    const notMember = await chair.post(`/api/vote-sessions/${sessionId}/events`, { type: 'OPEN', memberIds: [...voterIds, directory.users['gov-leader']] });
    expect(notMember.status).toBe(400);
    expect(notMember.body.errors[0]).toEqual({ field: 'memberIds', reason: `not standing-committee members: ${directory.users['gov-leader']}` });
    const deputies = await chair.post(`/api/vote-sessions/${sessionId}/events`, { type: 'OPEN', memberIds: voterIds, deputyUserIds: [directory.users.deputy001] });
    expect(deputies.status).toBe(409);
    expect(deputies.body.reason).toBe("this jurisdiction's profile does not allow invited deputies to vote");
    expect((await (await as('member')).post(`/api/vote-sessions/${sessionId}/events`, { type: 'OPEN', memberIds: voterIds })).status).toBe(403);

    const opened = await chair.post(`/api/vote-sessions/${sessionId}/events`, { type: 'OPEN', memberIds: voterIds }).expect(200);
    expect(opened.body).toMatchObject({ state: 'open', entitled: { members: VOTERS, deputies: 0 } });
    expect(opened.body.items.every((i: { ballotsIssued: number }) => i.ballotsIssued === VOTERS)).toBe(true);
    expect(await receipts()).toBe(0);
  });

  it('answers every bad ballot with a clear 4xx and records nothing', async () => {
    const voter = await as(voterName(0));
    const cases: Array<[string, () => Promise<{ status: number; body: { code: string } }>, number, string]> = [
      ['not entitled', async () => ballot(await as('member'), [{ itemId: items[0].id, choice: 'SATISFIED' }]), 403, 'VOTER_FORBIDDEN'],
      ['unknown option', async () => ballot(voter, [{ itemId: items[0].id, choice: 'DELIGHTED' }]), 400, 'INVALID_INPUT'],
      ['unknown item', async () => ballot(voter, [{ itemId: '00000000-0000-4000-8000-000000000000', choice: 'SATISFIED' }]), 400, 'INVALID_INPUT'],
      ['an item twice on one ballot', async () => ballot(voter, [{ itemId: items[0].id, choice: 'SATISFIED' }, { itemId: items[0].id, choice: 'UNSATISFIED' }]), 400, 'INVALID_INPUT'],
      ['an empty ballot', async () => ballot(voter, []), 400, 'INVALID_INPUT'],
      ['an unknown session', async () => voter.post('/api/vote-sessions/00000000-0000-4000-8000-000000000000/ballots', { choices: [{ itemId: items[0].id, choice: 'SATISFIED' }] }), 404, 'VOTE_SESSION_NOT_FOUND'],
    ];
    for (const [name, send, status, code] of cases) {
      const response = await send();
      expect({ name, status: response.status, code: response.body.code }).toEqual({ name, status, code });
    }
    expect(await receipts()).toBe(0);
    expect(await tallied()).toBe(0);
  });

  it('keeps nothing of a paper when an item has no counter shard to count in (a fault, not the voter\'s)', async () => {
    const [taken] = await system.dataSource.query('DELETE FROM vote_tallies WHERE vote_item_id = $1 RETURNING *', [items[1].id]);
    try {
      const paper = await ballot(await as(voterName(0)), [{ itemId: items[0].id, choice: 'SATISFIED' }, { itemId: items[1].id, choice: 'SATISFIED' }]);
      expect(paper.status).toBe(500);
      expect(await receipts()).toBe(0);
      expect(await tallied()).toBe(0);
    } finally {
      await system.dataSource.query('INSERT INTO vote_tallies SELECT * FROM json_populate_recordset(NULL::vote_tallies, $1)', [JSON.stringify(taken)]);
    }
  });

  it('streams the live count of ballots returned to the chair, never a choice', async () => {
    const server = system.api.getHttpServer() as http.Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const login = await system.http().post('/api/auth/demo-login').send({ jurisdictionCode: CODE, username: 'sc-leader' });
    const events: Array<{ votersReturned: number; items: Array<Record<string, unknown>> }> = [];
    const request = http.get({ host: '127.0.0.1', port, path: `/api/vote-sessions/${sessionId}/live`, headers: { authorization: `Bearer ${login.body.accessToken}` } });
    const response = await new Promise<http.IncomingMessage>((resolve) => request.on('response', resolve));
    expect(response.headers['content-type']).toMatch(/text\/event-stream/);
    let buffer = '';
    response.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const data = buffer.slice(0, end).split('\n').find((line) => line.startsWith('data: '));
        if (data) events.push(JSON.parse(data.slice(6)));
        buffer = buffer.slice(end + 2);
      }
    });
    const waitFor = async (predicate: () => boolean) => {
      for (let i = 0; i < 100 && !predicate(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(predicate()).toBe(true);
    };
    await waitFor(() => events.length >= 1);
    expect(events[0]).toMatchObject({ state: 'open', votersEntitled: VOTERS, votersReturned: 0 });

    await ballot(await as(voterName(0)), items.map((item, i) => ({ itemId: item.id, choice: choiceOf(0, i) }))).expect(200);
    await waitFor(() => events.some((e) => e.votersReturned === 1));
    const latest = events.at(-1)!;
    expect(latest.items[0]).toEqual({ itemId: items[0].id, issued: VOTERS, returned: 1 });
    expect(JSON.stringify(events)).not.toMatch(/SATISFIED|satisfied/);
    request.destroy();

    // Nobody sees choices while the session is open; a member may not watch the count.
    const view = (await office.get(`/api/vote-sessions/${sessionId}`).expect(200)).body;
    expect(Object.keys(view.items[0]).sort()).toEqual(['ballotsIssued', 'id', 'number', 'position', 'subjectId', 'subjectKind', 'suggestionId', 'title']);
    expect((await (await as(voterName(1))).get(`/api/vote-sessions/${sessionId}/live`)).status).toBe(403);
  });

  jest.setTimeout(60_000);

  it('counts every ballot exactly once when 60 voters cast all 30 items at the same moment, each twice', async () => {
    const voters = await Promise.all(Array.from({ length: VOTERS }, (_, v) => as(voterName(v))));
    const started = Date.now();
    const answers = await Promise.all(
      voters.slice(1).flatMap((voter, index) => {
        const v = index + 1;
        const choices = items.map((item, i) => ({ itemId: item.id, choice: choiceOf(v, i) }));
        return [ballot(voter, choices), ballot(voter, choices)];
      }),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(VOTERS - 1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(VOTERS - 1);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'BALLOT_ALREADY_CAST_CONFLICT')).toBe(true);
    expect(Date.now() - started).toBeLessThan(30_000);
    // A second vote on an item already voted is refused and leaves nothing behind.
    const again = await ballot(voters[0], [{ itemId: items[0].id, choice: 'UNSATISFIED' }]);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('BALLOT_ALREADY_CAST_CONFLICT');
    expect(await receipts()).toBe(VOTERS * ITEMS);
    expect(await tallied()).toBe(VOTERS * ITEMS);
    // The counters are shards that start at random offsets summing to zero: the sum is exact, yet a shard, whose
    // current version carries its last voter's transaction id (the same as that voter's receipts), shows no count.
    const shards: Array<{ counts: number[]; lastVoterKnown: boolean }> = await system.dataSource.query(
      `SELECT ARRAY[t.satisfied, t.basically_satisfied, t.unsatisfied] AS counts, EXISTS (SELECT 1 FROM vote_receipts r WHERE r.xmin = t.xmin) AS "lastVoterKnown"
         FROM vote_tallies t WHERE t.vote_session_id = $1`,
      [sessionId],
    );
    expect(shards).toHaveLength(ITEMS * TALLY_SHARDS);
    expect(shards.some((shard) => shard.lastVoterKnown)).toBe(true);
    expect(shards.filter((shard) => shard.counts.every((n) => n >= 0 && n <= VOTERS))).toEqual([]);

    const closed = (await chair.post(`/api/vote-sessions/${sessionId}/events`, { type: 'CLOSE' }).expect(200)).body;
    for (const [i, item] of closed.items.entries()) {
      const expected = (choice: string) => Array.from({ length: VOTERS }, (_, v) => choiceOf(v, i)).filter((c) => c === choice).length;
      expect({ item: i, returned: item.ballotsReturned, s: item.satisfied.count, b: item.basicallySatisfied.count, u: item.unsatisfied.count }).toEqual({
        item: i, returned: VOTERS, s: expected('SATISFIED'), b: expected('BASICALLY_SATISFIED'), u: expected('UNSATISFIED'),
      });
      expect(item.passed).toBe(expected('UNSATISFIED') <= VOTERS / 2);
    }
    expect((await ballot(voters[0], [{ itemId: items[1].id, choice: 'SATISFIED' }])).status).toBe(409);
  });

  it('stores who voted apart from what was voted, so no column, join or order links a member to a choice', async () => {
    const columns = async (table: string) =>
      (await system.dataSource.query(
        `SELECT column_name AS name, data_type AS type, column_default AS "default" FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = $1 ORDER BY column_name`,
        [table],
      )) as Array<{ name: string; type: string; default: string | null }>;
    const receiptColumns = await columns('vote_receipts');
    const tallyColumns = await columns('vote_tallies');
    // Who: the voter and the item, nothing that says what or when.
    expect(receiptColumns.map((c) => c.name)).toEqual(['jurisdiction_id', 'vote_item_id', 'vote_session_id', 'voter_user_id']);
    // What: counters per item (in shards drawn at random per ballot), nothing that says who or when or in what order.
    expect(tallyColumns.map((c) => c.name)).toEqual(['basically_satisfied', 'jurisdiction_id', 'satisfied', 'shard', 'unsatisfied', 'vote_item_id', 'vote_session_id']);
    for (const c of [...receiptColumns, ...tallyColumns]) {
      expect({ column: c.name, type: c.type }).toEqual({ column: c.name, type: expect.not.stringMatching(/time|date|serial/) });
      expect(c.default ?? '').not.toMatch(/nextval|now|uuid|random/);
    }
    // The only column the two share names the item or the session: it joins a receipt to every choice on its item alike.
    const shared = receiptColumns.map((c) => c.name).filter((name) => tallyColumns.some((t) => t.name === name));
    expect(shared.sort()).toEqual(['jurisdiction_id', 'vote_item_id', 'vote_session_id']);
    // No ballot ever reached the audit trail or the instance's snapshot.
    const audit: Array<{ eventType: string; payload: unknown }> = await system.dataSource.query(
      `SELECT event_type AS "eventType", payload FROM audit_events WHERE instance_id = $1 ORDER BY seq`,
      [sessionId],
    );
    expect(audit.map((a) => a.eventType)).toEqual(['CREATED', 'OPEN', 'CLOSE']);
    expect(JSON.stringify(audit)).not.toMatch(/UNSATISFIED|BASICALLY_SATISFIED/);
    // Once closed, the counters are sealed into the results and gone: no row holding choices carries a voter's transaction.
    expect(await tallied()).toBe(0);
    const [{ linked }] = await system.dataSource.query(
      `SELECT count(*)::int AS linked FROM vote_receipts r JOIN vote_items i ON i.xmin = r.xmin WHERE r.vote_session_id = $1`,
      [sessionId],
    );
    expect(linked).toBe(0);
  });
});
