import { findBrokenLink } from '@app/workflow-engine';
import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { actorsOf } from './support/actors';
import { startTestSystem, TestSystem } from './support/test-system';

const CONFLICT_CODES = ['VERSION_CONFLICT', 'EVENT_NOT_ACCEPTED_CONFLICT'];

describe('concurrent events on one suggestion', () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let as: ReturnType<typeof actorsOf>;
  let serial = 0;

  beforeAll(async () => {
    system = await startTestSystem();
    directory = await seedDirectory(system.dataSource, { code: 'concurrency', name: '并发县', deputies: 4 });
    as = actorsOf(system, 'concurrency');
  });

  afterAll(async () => system.close());

  const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => system.dataSource.query(sql, params) as Promise<T[]>;
  const sessionCounter = async () =>
    (await query<{ n: number }>('SELECT last_suggestion_number AS n FROM congress_sessions WHERE id = $1', [directory.sessionId]))[0].n;
  const auditTypes = async (id: string) =>
    (await query<{ eventType: string }>('SELECT event_type AS "eventType" FROM audit_events WHERE instance_id = $1 ORDER BY seq', [id])).map(
      (row) => row.eventType,
    );
  const instanceVersion = async (id: string) =>
    (await query<{ version: number }>('SELECT version FROM workflow_instances WHERE id = $1', [id]))[0].version;
  const auditChainOf = (id: string) =>
    query<Parameters<typeof findBrokenLink>[0][number]>(
      `SELECT instance_id AS "instanceId", seq, event_type AS "eventType", actor_user_id AS "actorUserId", from_state AS "fromState",
              to_state AS "toState", payload, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, prev_hash AS "prevHash", hash
         FROM audit_events WHERE instance_id = $1 ORDER BY seq`,
      [id],
    );

  async function suggestionInReview({ duringSession = false } = {}): Promise<string> {
    const deputy = await as('deputy001');
    serial += 1;
    const created = await deputy
      .post('/api/suggestions', {
        sessionId: directory.sessionId,
        title: `关于改善第${serial}号路段交通的建议`,
        content: '该路段早晚高峰拥堵严重，建议优化信号灯配时。',
        category: '环资城建',
        duringSession,
        agreesToDisclosure: true,
      })
      .expect(201);
    await deputy.send(created.body.id, { type: 'SUBMIT' });
    return created.body.id;
  }

  async function suggestionAwaitingAssignment(): Promise<string> {
    const id = await suggestionInReview();
    await (await as('office')).send(id, { type: 'ACCEPT' });
    return id;
  }

  describe('conflicting events', () => {
    it('applies exactly one of 50 concurrent ACCEPTs and answers the rest 409', async () => {
      const id = await suggestionInReview();
      const office = await as('office');
      const counterBefore = await sessionCounter();
      const versionBefore = await instanceVersion(id);

      const responses = await Promise.all(Array.from({ length: 50 }, () => office.post(`/api/suggestions/${id}/events`, { type: 'ACCEPT' })));

      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(49);
      for (const response of responses.filter((r) => r.status === 409)) expect(CONFLICT_CODES).toContain(response.body.code);

      expect((await auditTypes(id)).filter((type) => type === 'ACCEPT')).toHaveLength(1);
      expect(findBrokenLink(await auditChainOf(id))).toBe(-1);
      expect(await instanceVersion(id)).toBe(versionBefore + 1);
      expect(await sessionCounter()).toBe(counterBefore + 1);
      const [row] = await query<{ number: number; state: string }>('SELECT number, state FROM suggestions WHERE id = $1', [id]);
      expect(row).toEqual({ number: counterBefore + 1, state: 'awaitingAssignment' });
      const deadlines = await query('SELECT key FROM deadlines WHERE instance_id = $1', [id]);
      expect(deadlines).toEqual([{ key: 'ASSIGNMENT' }]);
      const outbox = await query('SELECT template FROM outbox_messages WHERE instance_id = $1 AND template = $2', [id, 'SUGGESTION_ACCEPTED']);
      expect(outbox).toHaveLength(1);
    });

    it('applies exactly one of 50 concurrent, mutually exclusive review outcomes', async () => {
      const id = await suggestionInReview();
      const office = await as('office');
      const counterBefore = await sessionCounter();
      const outcomes = [
        { type: 'ACCEPT' },
        { type: 'REJECT', reason: '不属于本级职权范围' },
        { type: 'CONVERT_TO_LETTER', reason: '属于个人诉求，作为来信处理' },
      ];

      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, index) => office.post(`/api/suggestions/${id}/events`, outcomes[index % outcomes.length])),
      );

      expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
      const losers = responses.filter((r) => r.status !== 200);
      expect(losers.map((r) => r.status)).toEqual(losers.map(() => 409));
      for (const response of losers) expect(CONFLICT_CODES).toContain(response.body.code);
      const applied = (await auditTypes(id)).filter((type) => outcomes.some((o) => o.type === type));
      expect(applied).toHaveLength(1);
      expect(await sessionCounter()).toBe(counterBefore + (applied[0] === 'ACCEPT' ? 1 : 0));
      expect(findBrokenLink(await auditChainOf(id))).toBe(-1);
    });

    it('numbers 20 suggestions accepted at once 1 apart, without gaps or repeats', async () => {
      const ids: string[] = [];
      for (let index = 0; index < 20; index++) ids.push(await suggestionInReview());
      const office = await as('office');
      const counterBefore = await sessionCounter();

      const responses = await Promise.all(ids.map((id) => office.post(`/api/suggestions/${id}/events`, { type: 'ACCEPT' })));

      expect(responses.map((r) => r.status)).toEqual(ids.map(() => 200));
      const numbers = responses.map((r) => r.body.number as number).sort((a, b) => a - b);
      expect(numbers).toEqual(ids.map((_, index) => counterBefore + index + 1));
      expect(await sessionCounter()).toBe(counterBefore + 20);
    });

    it('never answers 500 when two suggestions are merged into each other at the same time', async () => {
      const office = await as('office');
      for (let attempt = 0; attempt < 3; attempt++) {
        const [a, b] = [await suggestionInReview(), await suggestionInReview()];
        const [toB, toA] = await Promise.all([
          office.post(`/api/suggestions/${a}/events`, { type: 'MERGE', targetSuggestionId: b, reason: '内容相同' }),
          office.post(`/api/suggestions/${b}/events`, { type: 'MERGE', targetSuggestionId: a, reason: '内容相同' }),
        ]);
        expect([toB.status, toA.status].sort()).toEqual([200, 409]);
        const [loser] = [toB, toA].filter((r) => r.status === 409);
        expect(CONFLICT_CODES).toContain(loser.body.code);
        const states = await query<{ id: string; state: string }>('SELECT id, state FROM suggestions WHERE id = ANY($1::uuid[]) ORDER BY state', [[a, b]]);
        expect(states.map((s) => s.state)).toEqual(['merged', 'review']);
      }
      // PostgreSQL takes deadlock_timeout (1 s) to break each deadlock.
    }, 30_000);
  });

  describe('Idempotency-Key', () => {
    it('applies a POST /events repeated in sequence with the same key once and answers it the same', async () => {
      const id = await suggestionInReview();
      const office = await as('office');
      const counterBefore = await sessionCounter();
      const headers = { 'Idempotency-Key': `accept-${id}` };

      const first = await office.post(`/api/suggestions/${id}/events`, { type: 'ACCEPT' }, headers);
      const second = await office.post(`/api/suggestions/${id}/events`, { type: 'ACCEPT' }, headers);

      expect([first.status, second.status]).toEqual([200, 200]);
      expect(second.body).toEqual(first.body);
      expect((await auditTypes(id)).filter((type) => type === 'ACCEPT')).toHaveLength(1);
      expect(await sessionCounter()).toBe(counterBefore + 1);

      // Without the key, the same event is a new request, and the state no longer takes it.
      const fresh = await office.post(`/api/suggestions/${id}/events`, { type: 'ACCEPT' });
      expect(fresh.status).toBe(409);
      expect(fresh.body.code).toBe('EVENT_NOT_ACCEPTED_CONFLICT');
    });

    it('applies 10 concurrent identical requests with one key once and gives each the same answer', async () => {
      const id = await suggestionInReview();
      const office = await as('office');
      const counterBefore = await sessionCounter();
      const versionBefore = await instanceVersion(id);
      const headers = { 'Idempotency-Key': `concurrent-accept-${id}` };

      const responses = await Promise.all(Array.from({ length: 10 }, () => office.post(`/api/suggestions/${id}/events`, { type: 'ACCEPT' }, headers)));

      expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
      for (const response of responses) expect(response.body).toEqual(responses[0].body);
      expect((await auditTypes(id)).filter((type) => type === 'ACCEPT')).toHaveLength(1);
      expect(await instanceVersion(id)).toBe(versionBefore + 1);
      expect(await sessionCounter()).toBe(counterBefore + 1);
    });

    it('refuses a key reused for a different request with 409 IDEMPOTENCY_KEY_CONFLICT and applies nothing', async () => {
      const id = await suggestionInReview();
      const other = await suggestionInReview();
      const office = await as('office');
      const headers = { 'Idempotency-Key': `reused-${id}` };
      await office.post(`/api/suggestions/${id}/events`, { type: 'ACCEPT' }, headers).expect(200);
      const versions = [await instanceVersion(id), await instanceVersion(other)];

      const differentBody = await office.post(`/api/suggestions/${id}/events`, { type: 'REJECT', reason: '重复提交' }, headers);
      const differentSuggestion = await office.post(`/api/suggestions/${other}/events`, { type: 'ACCEPT' }, headers);

      for (const response of [differentBody, differentSuggestion]) {
        expect(response.status).toBe(409);
        expect(response.body.code).toBe('IDEMPOTENCY_KEY_CONFLICT');
      }
      expect([await instanceVersion(id), await instanceVersion(other)]).toEqual(versions);
      expect(await auditTypes(id)).not.toContain('REJECT');
    });

    it('keeps keys per user: another user may use the same key for their own request', async () => {
      const [mine, theirs] = [await suggestionInReview(), await suggestionInReview()];
      const key = { 'Idempotency-Key': `shared-key-${mine}` };
      await (await as('office')).post(`/api/suggestions/${mine}/events`, { type: 'ACCEPT' }, key).expect(200);
      const deputy = await as('deputy001');
      const response = await deputy.post(`/api/suggestions/${theirs}/events`, { type: 'WITHDRAW', reason: '情况已解决' }, key);
      expect(response.status).toBe(200);
      expect(response.body.state).toBe('withdrawn');
    });

    it('applies a batch assignment repeated with one key once, in sequence and concurrently', async () => {
      const ids = [await suggestionAwaitingAssignment(), await suggestionAwaitingAssignment(), await suggestionAwaitingAssignment()];
      const office = await as('office');
      const body = { suggestionIds: ids, assignment: { mode: 'SEPARATE', unitIds: [directory.unitIds[6]] } };
      const headers = { 'Idempotency-Key': `batch-${ids[0]}` };
      const versions = await Promise.all(ids.map(instanceVersion));

      const first = await office.post('/api/suggestions/batch-assign', body, headers);
      const again = await office.post('/api/suggestions/batch-assign', body, headers);
      const concurrent = await Promise.all(Array.from({ length: 5 }, () => office.post('/api/suggestions/batch-assign', body, headers)));

      expect(first.status).toBe(200);
      expect(first.body.assigned).toBe(3);
      for (const response of [again, ...concurrent]) {
        expect(response.status).toBe(200);
        expect(response.body).toEqual(first.body);
      }
      expect(await Promise.all(ids.map(instanceVersion))).toEqual(versions.map((v) => v + 1));
      for (const id of ids) expect((await auditTypes(id)).filter((type) => type === 'ASSIGN')).toHaveLength(1);
      const assignments = await query('SELECT suggestion_id FROM assignments WHERE suggestion_id = ANY($1::uuid[])', [ids]);
      expect(assignments).toHaveLength(3);

      const changed = await office.post(
        '/api/suggestions/batch-assign',
        { ...body, assignment: { mode: 'SEPARATE', unitIds: [directory.unitIds[5]] } },
        headers,
      );
      expect(changed.status).toBe(409);
      expect(changed.body.code).toBe('IDEMPOTENCY_KEY_CONFLICT');
    });

    it('applies 20 concurrent batch assignments of one set without a key exactly once', async () => {
      const ids = [await suggestionAwaitingAssignment(), await suggestionAwaitingAssignment()];
      const office = await as('office');
      const body = { suggestionIds: ids, assignment: { mode: 'SEPARATE', unitIds: [directory.unitIds[6]] } };

      const responses = await Promise.all(Array.from({ length: 20 }, () => office.post('/api/suggestions/batch-assign', body)));

      expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
      for (const response of responses.filter((r) => r.status !== 200)) {
        expect(response.status).toBe(409);
        expect(CONFLICT_CODES).toContain(response.body.code);
      }
      for (const id of ids) expect((await auditTypes(id)).filter((type) => type === 'ASSIGN')).toHaveLength(1);
    });
  });
});
