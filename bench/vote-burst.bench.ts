import { Pool, PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { VoteRepository } from '@app/meetings';
import { BenchSystem, quantile, runConcurrently } from './support/bench-system';
import { BenchHttpClient, benchHttpClient, expectStatus } from './support/http-client';
import { inPgTransaction } from './support/pg-transaction';
import { profiled } from './support/cpu-profile';

const ITEMS = 30;
const VOTERS = 60;
const CHOICES = ['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'] as const;
type Choice = (typeof CHOICES)[number];
/** The repository only for its statements: those the baseline runs take a manager and never touch its data source. */
const BARE_VOTES = new VoteRepository(undefined as unknown as DataSource);

/** A fixed, varied pattern, so the exact count of every option on every item is known in advance. */
const choiceOf = (voter: number, item: number): Choice => CHOICES[(voter * 7 + item * 3) % 3 === 0 ? 2 : (voter + item) % 2];

export interface VoteBurstRow {
  mode: string;
  ballots: number;
  baselineP50Ms: number;
  baselineP99Ms: number;
  apiP50Ms: number;
  apiP99Ms: number;
  p50Ratio: number;
  p99Ratio: number;
  tallyExact: string;
}

interface Voting {
  sessionId: string;
  jurisdictionId: string;
  itemIds: string[];
  voterIds: string[];
  tokens: string[];
}

/** 30 suggestions filed, accepted, assigned, made key and heard by the council, then a vote session on them: all over HTTP. */
async function prepareVoting(system: BenchSystem, http: BenchHttpClient): Promise<Voting> {
  const { directory } = system;
  const as = (username: string) => http.login(directory.code, username);
  const [deputy, office, council, chair] = await Promise.all([as('deputy001'), as('office'), as('council'), as('sc-leader')]);
  const send = async (token: string, id: string, event: Record<string, unknown>) =>
    expectStatus(await http.call('POST', `/api/suggestions/${id}/events`, { token, body: event }), 200, `${event.type}`);
  const suggestionIds: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const created = expectStatus(await http.call<{ id: string }>('POST', '/api/suggestions', {
      token: deputy,
      body: { sessionId: directory.sessionId, title: `关于第${i + 1}项重点民生实事的建议`, content: '建议研究解决群众反映强烈的问题。', category: '社会建设', duringSession: true, agreesToDisclosure: true },
    }), 201, 'filing');
    await send(deputy, created.id, { type: 'SUBMIT' });
    await send(office, created.id, { type: 'ACCEPT' });
    await send(office, created.id, { type: 'ASSIGN', mode: 'SEPARATE', unitIds: [directory.unitIds[i % directory.unitIds.length]] });
    suggestionIds.push(created.id);
  }
  const proposals = expectStatus(await http.call<Array<{ id: string }>>('POST', '/api/key-suggestions/proposals', {
    token: office,
    body: { items: suggestionIds.map((suggestionId) => ({ suggestionId, supervisingLeaderId: directory.users['sc-leader'], leadingLeaderId: directory.users['gov-leader'] })) },
  }), 201, 'key proposals');
  expectStatus(await http.call('POST', '/api/key-suggestions/decisions', { token: council, body: { approve: proposals.map((p) => p.id) } }), 200, 'key decisions');
  let meeting = expectStatus(await http.call<{ id: string; nextItemId: string | null }>('POST', '/api/council-meetings', {
    token: office, body: { title: '主任会议', meetingDate: '2026-05-20', suggestionIds },
  }), 201, 'council meeting');
  while (meeting.nextItemId) {
    meeting = expectStatus(await http.call<{ id: string; nextItemId: string | null }>('POST', `/api/council-meetings/${meeting.id}/agenda/${meeting.nextItemId}/hearing`, {
      token: council, body: { reporterName: '承办单位负责人', report: '办理情况报告。', opinion: '同意报告。' },
    }), 200, 'hearing');
  }
  const voterIds: string[] = [];
  for (let v = 0; v < VOTERS; v++) {
    const [row] = await system.dataSource.query(
      `INSERT INTO users (jurisdiction_id, username, display_name, roles) VALUES ($1, $2, $3, '{SC_MEMBER}') RETURNING id`,
      [directory.jurisdictionId, `voter-${v + 1}`, `常委会委员${v + 1}`],
    );
    voterIds.push(row.id);
  }
  const session = expectStatus(await http.call<{ id: string; items: Array<{ id: string; position: number }> }>('POST', '/api/vote-sessions', {
    token: office,
    body: { title: '重点建议办理情况满意度测评', meetingName: '常委会第二十次会议', meetingDate: '2026-06-20', chairUserId: directory.users['sc-leader'], suggestionIds },
  }), 201, 'vote session');
  expectStatus(await http.call('POST', `/api/vote-sessions/${session.id}/events`, { token: chair, body: { type: 'OPEN', memberIds: voterIds } }), 200, 'OPEN');
  const tokens = await Promise.all(voterIds.map((_, v) => as(`voter-${v + 1}`)));
  const itemIds = [...session.items].sort((a, b) => a.position - b.position).map((item) => item.id);
  return { sessionId: session.id, jurisdictionId: directory.jurisdictionId, itemIds, voterIds, tokens };
}

/** An EntityManager stand-in on a bare `pg` pool or client: the repository's statements, without TypeORM around them. */
const bareManager = (pg: Pool | PoolClient) => ({ query: async (sql: string, params: unknown[]) => (await pg.query(sql, params)).rows }) as unknown as EntityManager;

/**
 * The floor: per ballot the statement the ballot service runs (the checks under the session's share lock, then the
 * receipts and counter shards), issued with `pg` directly. It is the repository's own statement, so the two cannot
 * drift apart.
 */
async function rawSqlBallot(pool: Pool, voting: Voting, voter: number, choices: Array<{ itemId: string; choice: Choice }>): Promise<void> {
  const voterId = voting.voterIds[voter];
  const cast = await BARE_VOTES.castBallot({ jurisdictionId: voting.jurisdictionId }, { sessionId: voting.sessionId, voterId, choices }, bareManager(pool));
  if (cast === null || cast === 'ALREADY_CAST' || cast.receipted !== choices.length || cast.counted !== choices.length) {
    throw new Error(`the ballot was not counted: ${JSON.stringify(cast)}`);
  }
}

/** Whether the counters hold exactly the fixed pattern's counts of every option on every item. */
async function tallyIsExact(pool: Pool, voting: Voting): Promise<boolean> {
  const { rows } = await pool.query(
    `SELECT vote_item_id AS "itemId", sum(satisfied)::int AS satisfied, sum(basically_satisfied)::int AS "basicallySatisfied", sum(unsatisfied)::int AS unsatisfied
       FROM vote_tallies WHERE vote_session_id = $1 GROUP BY vote_item_id`,
    [voting.sessionId],
  );
  return voting.itemIds.every((itemId, item) => {
    const row = rows.find((r) => r.itemId === itemId);
    const expected = (choice: Choice) => Array.from({ length: VOTERS }, (_, v) => choiceOf(v, item)).filter((c) => c === choice).length;
    return row && row.satisfied === expected('SATISFIED') && row.basicallySatisfied === expected('BASICALLY_SATISFIED') && row.unsatisfied === expected('UNSATISFIED');
  });
}

/** Takes the ballots back (receipts, and counter shards masked afresh), so the next burst starts from an open session no one has voted in. */
async function resetBallots(pool: Pool, voting: Voting): Promise<void> {
  await pool.query('DELETE FROM vote_receipts WHERE vote_session_id = $1', [voting.sessionId]);
  await inPgTransaction(pool, async (client) => {
    await client.query('DELETE FROM vote_tallies WHERE vote_session_id = $1', [voting.sessionId]);
    await BARE_VOTES.insertEmptyTallies(bareManager(client), { jurisdictionId: voting.jurisdictionId }, voting.sessionId);
  });
}

type Caster = (voter: number, choices: Array<{ itemId: string; choice: Choice }>) => Promise<void>;

/** Every voter at once: one paper with all items each (`rounds` times), or each item on its own paper. */
async function burst(voting: Voting, caster: Caster, mode: 'paper' | 'item', rounds: number): Promise<number[]> {
  const latencies: number[] = [];
  const ballot = (voter: number, item: number) => ({ itemId: voting.itemIds[item], choice: choiceOf(voter, item) });
  for (let round = 0; round < rounds; round++) {
    const run = mode === 'paper'
      ? await runConcurrently({ clients: VOTERS, total: VOTERS }, (_, voter) => caster(voter, voting.itemIds.map((__, item) => ballot(voter, item))))
      : await runConcurrently({ clients: VOTERS, total: VOTERS * ITEMS }, (_, call) => caster(call % VOTERS, [ballot(call % VOTERS, Math.floor(call / VOTERS))]));
    latencies.push(...run.latencies);
  }
  return latencies.sort((a, b) => a - b);
}

/**
 * 60 voters × 30 items at once through the ballot endpoint: latency of each ballot, against raw SQL doing the same
 * statements in the same run; after every burst the counters must hold exactly the votes cast, and the last burst is
 * closed through the api and its published results checked item by item.
 */
export async function benchVoteBurst(system: BenchSystem, paperRounds: number): Promise<VoteBurstRow[]> {
  const http = benchHttpClient(system.baseUrl, VOTERS);
  const pool = new Pool({ connectionString: system.config.DATABASE_URL, max: 20 });
  try {
    const voting = await prepareVoting(system, http);
    const overSql: Caster = (voter, choices) => rawSqlBallot(pool, voting, voter, choices);
    const overHttp: Caster = async (voter, choices) => {
      expectStatus(await http.call('POST', `/api/vote-sessions/${voting.sessionId}/ballots`, { token: voting.tokens[voter], body: { choices } }), 200, 'a ballot');
    };
    // Warm both paths, then check and take back what they cast.
    for (const caster of [overSql, overHttp]) {
      await burst(voting, caster, 'item', 1);
      if (!(await tallyIsExact(pool, voting))) throw new Error('warm-up: the tally is not exact');
      await resetBallots(pool, voting);
    }
    const rows: VoteBurstRow[] = [];
    for (const [mode, rounds] of [['item', 1], ['paper', paperRounds]] as const) {
      const baseline: number[] = [];
      const api: number[] = [];
      let exact = true;
      for (let round = 0; round < rounds; round++) {
        for (const [caster, into, way] of [[overSql, baseline, 'sql'], [overHttp, api, 'http']] as const) {
          into.push(...(await profiled(`votes-${mode}-${way}-${round + 1}`, () => burst(voting, caster, mode, 1))));
          exact &&= await tallyIsExact(pool, voting);
          const last = mode === 'paper' && round === rounds - 1 && caster === overHttp;
          if (!last) await resetBallots(pool, voting);
        }
      }
      baseline.sort((a, b) => a - b);
      api.sort((a, b) => a - b);
      rows.push({
        mode: mode === 'paper' ? `one paper of ${ITEMS} items per voter ×${rounds}` : `${ITEMS} one-item papers per voter`,
        ballots: api.length,
        baselineP50Ms: +quantile(baseline, 0.5).toFixed(1), baselineP99Ms: +quantile(baseline, 0.99).toFixed(1),
        apiP50Ms: +quantile(api, 0.5).toFixed(1), apiP99Ms: +quantile(api, 0.99).toFixed(1),
        p50Ratio: +(quantile(api, 0.5) / quantile(baseline, 0.5)).toFixed(1), p99Ratio: +(quantile(api, 0.99) / quantile(baseline, 0.99)).toFixed(1),
        tallyExact: exact ? 'yes' : 'NO',
      });
    }
    rows[rows.length - 1].tallyExact += (await closedResultsExact(http, system, voting)) ? ', published results exact' : ', published results WRONG';
    if (rows.some((row) => row.tallyExact.includes('NO') || row.tallyExact.includes('WRONG'))) throw Object.assign(new Error('vote tally not exact'), { rows });
    return rows;
  } finally {
    await pool.end();
    http.close();
  }
}

/** Closes the session through the api and compares every item's published counts with the pattern's. */
async function closedResultsExact(http: BenchHttpClient, system: BenchSystem, voting: Voting): Promise<boolean> {
  const chair = await http.login(system.directory.code, 'sc-leader');
  type Count = { count: number };
  const closed = expectStatus(await http.call<{ items: Array<{ id: string; ballotsReturned: number; satisfied: Count; basicallySatisfied: Count; unsatisfied: Count }> }>(
    'POST', `/api/vote-sessions/${voting.sessionId}/events`, { token: chair, body: { type: 'CLOSE' } },
  ), 200, 'CLOSE');
  return voting.itemIds.every((itemId, item) => {
    const published = closed.items.find((i) => i.id === itemId);
    const expected = (choice: Choice) => Array.from({ length: VOTERS }, (_, v) => choiceOf(v, item)).filter((c) => c === choice).length;
    return published?.ballotsReturned === VOTERS && published.satisfied.count === expected('SATISFIED')
      && published.basicallySatisfied.count === expected('BASICALLY_SATISFIED') && published.unsatisfied.count === expected('UNSATISFIED');
  });
}
