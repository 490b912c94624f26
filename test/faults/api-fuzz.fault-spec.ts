import fc from 'fast-check';
import type { Response } from 'supertest';
import { seedDirectory, SeededDirectory } from '../../scripts/demo/seed-directory';
import { actorsOf } from '../support/actors';
import { startTestSystem, TestSystem } from '../support/test-system';

const RUNS = Number(process.env.FAULT_FUZZ_RUNS ?? 12);
const JURISDICTION = 'fault-fuzz';
const USERS = ['office', 'deputy001', 'admin', 'jtj-staff', 'sc-leader'] as const;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Operation {
  method: Method;
  path: string;
  query: string[];
  bodyProperties: string[];
}

jest.setTimeout(420_000);

/**
 * Property-based: for every operation of the OpenAPI document, fast-check generates random and malformed path ids,
 * query strings and bodies. Never a 500; a refused request (4xx) changes no row.
 */
describe('API fuzzing over the OpenAPI document', () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let operations: Operation[];
  let tokens: Record<string, string>;
  let knownIds: string[];

  beforeAll(async () => {
    system = await startTestSystem({ withWorker: false });
    directory = await seedDirectory(system.dataSource, { code: JURISDICTION, name: '模糊测试县', deputies: 4 });
    const as = actorsOf(system, JURISDICTION);
    const [lead, office] = [await as('deputy001'), await as('office')];
    const filed = await lead
      .post('/api/suggestions', {
        sessionId: directory.sessionId, title: '关于加强校园周边交通安全的建议', content: '建议增设减速带和信号灯。',
        category: '社会建设', duringSession: true, agreesToDisclosure: true,
      })
      .expect(201);
    await lead.send(filed.body.id, { type: 'SUBMIT' });
    await office.send(filed.body.id, { type: 'ACCEPT' });
    knownIds = [filed.body.id, directory.sessionId, directory.unitIds[6], directory.deputyIds[0], directory.users.office];
    await signIn();
    const docs = await system.http().get('/api/docs-json').expect(200);
    const schemas = docs.body.components?.schemas ?? {};
    operations = Object.entries(docs.body.paths as Record<string, Record<string, Record<string, any>>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        let schema = op.requestBody?.content?.['application/json']?.schema ?? {};
        if (schema.$ref) schema = schemas[String(schema.$ref).split('/').pop() as string] ?? {};
        return {
          method: method as Method,
          path,
          query: (op.parameters ?? []).filter((p: { in: string }) => p.in === 'query').map((p: { name: string }) => p.name),
          bodyProperties: Object.keys(schema.properties ?? {}),
        };
      }),
    );
  });

  afterAll(async () => system?.close());

  async function signIn(): Promise<void> {
    tokens = {};
    for (const username of USERS) {
      const login = await system.http().post('/api/auth/demo-login').send({ jurisdictionCode: JURISDICTION, username });
      tokens[username] = login.body.accessToken;
    }
  }

  /**
   * Every row of this jurisdiction a request could change. Left out: what a refused request legitimately writes
   * (sign-in sessions and throttles, and the accounts workflow's own audit of sign-ins and sign-outs).
   */
  const TENANT_TABLES = [
    'suggestions', 'suggestion_proposers', 'assignments', 'replies', 'feedback', 'deadlines', 'handling_units', 'deputies', 'delegations',
    'congress_sessions', 'outbox_messages', 'notifications', 'notification_preferences', 'council_meetings', 'council_agenda_items',
    'key_proposals', 'vote_sessions', 'vote_items', 'vote_entitlements', 'vote_receipts', 'vote_tallies', 'disclosure_redactions',
    'review_opinion_lists', 'review_opinion_items',
  ];

  async function fingerprint(): Promise<string> {
    const parts = TENANT_TABLES.map((table) => `'${table}', (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM ${table} t WHERE jurisdiction_id = $1)`);
    const [row] = await system.dataSource.query(
      `SELECT json_build_object(
         ${parts.join(',\n         ')},
         'instances', (SELECT md5(coalesce(string_agg(id::text || version || last_event_hash, ',' ORDER BY id), '')) FROM workflow_instances WHERE jurisdiction_id = $1 AND workflow <> 'accounts'),
         'audit', (SELECT count(*) FROM audit_events WHERE jurisdiction_id = $1 AND workflow <> 'accounts'),
         'users', (SELECT md5(coalesce(string_agg(u.id::text || u.username || u.active || coalesce(u.roles::text, ''), ',' ORDER BY id), '')) FROM users u WHERE jurisdiction_id = $1)
       )::text AS print`,
      [directory.jurisdictionId],
    );
    return row.print;
  }

  const scalar = () => fc.oneof(
    fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
    fc.uuid(), fc.constantFrom('', 'a\u0000b', '9'.repeat(400), '-1', '1e999', 'true', '<script>', "' OR 1=1 --", '../..'),
  );
  const jsonValue = () => fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, scalar(), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 12 }), tie('value'), { maxKeys: 4 })),
  })).value;
  const idArb = () => fc.oneof(fc.constantFrom(...knownIds), fc.uuid(), fc.string({ maxLength: 40 }), fc.constantFrom('1', 'null', '%00', '..%2F', 'ÄÖ', '00000000-0000-0000-0000-000000000000'));

  function requestArb(op: Operation) {
    const bodyArb = fc.oneof(
      jsonValue(),
      // Objects with the operation's own property names, each with any value (closest to a valid request).
      op.bodyProperties.length > 0 ? fc.dictionary(fc.constantFrom(...op.bodyProperties), jsonValue(), { maxKeys: op.bodyProperties.length }) : jsonValue(),
      fc.constantFrom('{"unterminated": ', 'not json', '[]', '"text"', '{"type":"ACCEPT","__proto__":{"x":1}}'),
    );
    const queryArb = fc.dictionary(fc.oneof(fc.constantFrom(...(op.query.length > 0 ? op.query : ['q'])), fc.string({ maxLength: 10 })), fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String)), { maxKeys: 4 });
    return fc.record({ id: idArb(), body: bodyArb, query: queryArb, user: fc.constantFrom(...USERS) });
  }

  function send(op: Operation, input: { id: string; body: unknown; query: Record<string, string>; user: string }): Promise<Response> {
    const path = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(input.id).replace(/%25/g, '%'));
    const search = new URLSearchParams(input.query).toString();
    let req = system.http()[op.method](`${path}${search ? `?${search}` : ''}`).set('Authorization', `Bearer ${tokens[input.user]}`);
    if (op.method === 'get' || op.method === 'delete') return req;
    const raw = typeof input.body === 'string' && /^[[{"n]/.test(input.body) ? input.body : JSON.stringify(input.body);
    req = req.set('Content-Type', 'application/json');
    return req.send(raw ?? 'null');
  }

  it('never answers 500, and a refused request changes no row, for every operation', async () => {
    const problems: string[] = [];
    let requests = 0;
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(requestArb(op), async (input) => {
          const before = await fingerprint();
          let response = await send(op, input);
          if (response.status === 401) {
            // A generated request may have signed its sender out (a logout): sign in again and resend.
            await signIn();
            response = await send(op, input);
          }
          requests++;
          const label = `${op.method.toUpperCase()} ${op.path} as ${input.user} ${JSON.stringify(input).slice(0, 300)}`;
          if (response.status >= 500) problems.push(`${label}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
          if (response.status >= 400 && (await fingerprint()) !== before) problems.push(`${label}: refused with ${response.status} but changed rows`);
          return response.status < 500;
        }),
        { numRuns: RUNS, seed: Number(process.env.FAULT_FUZZ_SEED ?? 20261129), endOnFailure: true },
      ).catch((error: Error) => {
        // fast-check keeps what the property threw as the cause: without it a broken harness looks like a failing API.
        const cause = (error as { cause?: unknown }).cause;
        const thrown = cause instanceof Error ? ` | threw ${cause.name}: ${cause.message.slice(0, 300)}` : '';
        problems.push(`${op.method} ${op.path}: ${error.message.split('\n').slice(0, 4).join(' | ')}${thrown}`);
      });
    }
    console.log(`fuzzed ${operations.length} operations with ${requests} requests`);
    expect(operations.length).toBeGreaterThan(20);
    expect(problems).toEqual([]);
    // Every run of every operation reached the API (a harness that throws before sending would fuzz nothing).
    expect(requests).toBe(operations.length * RUNS);
  });
});
