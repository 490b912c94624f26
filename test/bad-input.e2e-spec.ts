import { randomBytes, randomUUID } from 'node:crypto';
import { getMetadataStorage } from 'class-validator';
import type { Response } from 'supertest';
import { SUGGESTION_EVENT_DTOS } from '../libs/suggestions/src/dtos/suggestion-event.dto';
import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { actorsOf } from './support/actors';
import { startTestSystem, TestSystem } from './support/test-system';

/**
 * Client input never causes a 500. Every operation of the OpenAPI document gets malformed, mistyped, missing,
 * oversized and unknown input (table-driven: no property-testing library is installed). A rejected request must
 * change no row; a 400 reads `{ code: 'INVALID_INPUT', errors: [{ field, reason }] }` (another domain may answer with
 * an INVALID_* code of its own). Operations outside KNOWN are held only to the rules that hold for every operation.
 */

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Actor = 'office' | 'lead' | 'admin' | 'council';
interface Schema {
  type?: string;
  $ref?: string;
  enum?: unknown[];
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}
interface Operation {
  method: Method;
  path: string;
  secured: boolean;
  body?: { required: boolean; schema: Schema };
  query: Array<{ name: string; schema: Schema }>;
  headers: string[];
}
interface Case {
  label: string;
  method: Method;
  path: string;
  /** A raw body, sent as it is; anything else is sent as JSON. */
  raw?: string;
  body?: unknown;
  /** Who sends it (null: nobody signed in); by default whoever may use the operation. */
  actor?: Actor | null;
  /** `method path` of the OpenAPI operation it exercises. */
  operation?: string;
  authorization?: string;
  headers?: Record<string, string>;
  /** Acceptable statuses; any below 500 when absent. */
  expect?: number[];
  /** A 400 must name one of these fields (exactly, or as the root of a nested path). */
  fields?: string[];
}

const JURISDICTION = 'bad-input';
const USERNAMES: Record<Actor, string> = { office: 'office', lead: 'deputy001', admin: 'admin', council: 'sc-leader' };
const WITH_BODY: Method[] = ['post', 'put', 'patch'];
/**
 * The operations this file knows a valid request of, and so holds to exact answers. Operations added later are
 * still sent everything below and held to the general rules: no 500, 401 without a token, no change when refused.
 */
const KNOWN = new Set([
  'get /api/health', 'post /api/auth/demo-login', 'get /api/auth/me', 'get /api/sessions', 'get /api/delegations', 'get /api/deputies',
  'get /api/units', 'get /api/profile', 'post /api/suggestions', 'get /api/suggestions', 'post /api/suggestions/batch-assign',
  'get /api/suggestions/{id}', 'post /api/suggestions/{id}/events', 'get /api/inbox', 'get /api/notifications', 'post /api/notifications/{id}/read',
]);
const HUGE = 'x'.repeat(100_001);
const NUL = 'a\u0000b';
const BAD_IDS = ['abc', '1', "' OR 1=1", '00000000-0000-0000-0000-00000000000g', '6f1c2d7e0b1a4c559d3e2f4a5b6c7d8e', 'null', '..%2F..%2Fhealth'];

/** Values of the wrong type (or otherwise invalid) for a property declared with `schema`. */
function wrongValuesFor(schema: Schema): unknown[] {
  if (schema.$ref) return ['text', 1, [], null, true];
  switch (schema.type) {
    case 'boolean':
      return ['true', 1, 0, ['x'], { a: 1 }, null];
    case 'number':
    case 'integer':
      return ['1', true, [], {}, null, 1.5, -1, 1e308];
    case 'array':
      // A long array of one repeated id breaks both a size and a uniqueness limit (20,001 ids are tried once, in the batch test).
      return ['x', 1, { a: 1 }, null, [null], [1], [{}], ['not-a-uuid'], new Array(1_001).fill(randomUUID())];
    default:
      return [12345, true, ['x'], { a: 1 }, null, '', HUGE, NUL, ...(schema.enum ? ['NOT_A_MEMBER'] : [])];
  }
}

/** Whether a value would be valid for an optional property anyway (null or blank skips optional validators). */
const mayBeValid = (value: unknown, required: boolean) => !required && (value === null || value === '');

describe('bad input is answered without a 500 and changes nothing', () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let as: ReturnType<typeof actorsOf>;
  let operations: Operation[];
  let schemas: Record<string, Schema>;
  let tokens: Record<Actor, string>;
  /** The first of office, admin and council that an operation does not refuse with 403. */
  const actors = new Map<string, Actor>();
  let inProgressId: string;
  let reviewId: string;

  beforeAll(async () => {
    system = await startTestSystem({ withWorker: false });
    directory = await seedDirectory(system.dataSource, { code: JURISDICTION, name: '输入校验县', deputies: 4 });
    as = actorsOf(system, JURISDICTION);
    const [office, lead] = [await as('office'), await as('deputy001')];
    await signIn();

    const file = async () =>
      (
        await lead
          .post('/api/suggestions', {
            sessionId: directory.sessionId, title: '关于规范农贸市场管理的建议', content: '建议加强农贸市场环境卫生整治。',
            category: '社会建设', duringSession: false, agreesToDisclosure: true,
          })
          .expect(201)
      ).body.id as string;
    inProgressId = await file();
    await lead.send(inProgressId, { type: 'SUBMIT' });
    await office.send(inProgressId, { type: 'ACCEPT' });
    await office.send(inProgressId, { type: 'ASSIGN', mode: 'SEPARATE', unitIds: [directory.unitIds[6]] });
    reviewId = await file();
    await lead.send(reviewId, { type: 'SUBMIT' });

    const docs = await system.http().get('/api/docs-json').expect(200);
    schemas = docs.body.components.schemas;
    operations = Object.entries(docs.body.paths as Record<string, Record<string, Record<string, any>>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method as Method,
        path,
        secured: Array.isArray(op.security) && op.security.length > 0,
        // A multipart upload (a roster file) has no JSON schema: it still gets every JSON body below.
        body: op.requestBody ? { required: op.requestBody.required === true, schema: op.requestBody.content?.['application/json']?.schema ?? {} } : undefined,
        query: (op.parameters ?? []).filter((p: { in: string }) => p.in === 'query'),
        headers: (op.parameters ?? []).filter((p: { in: string }) => p.in === 'header').map((p: { name: string }) => p.name.toLowerCase()),
      })),
    );
    for (const op of operations) actors.set(key(op), await chooseActor(op));
  });

  async function signIn(): Promise<void> {
    const login = async (actor: Actor) =>
      (await system.http().post('/api/auth/demo-login').send({ jurisdictionCode: JURISDICTION, username: USERNAMES[actor] })).body.accessToken as string;
    tokens = { office: await login('office'), lead: await login('lead'), admin: await login('admin'), council: await login('council') };
  }

  async function chooseActor(op: Operation): Promise<Actor> {
    if (key(op) === 'post /api/suggestions') return 'lead';
    if (KNOWN.has(key(op)) || !op.secured) return 'office';
    for (const actor of ['office', 'admin', 'council'] as const) {
      const probe = await request({ label: 'probe', method: op.method, path: pathOf(op), body: WITH_BODY.includes(op.method) ? {} : undefined, actor });
      if (probe.status !== 403) return actor;
    }
    return 'office';
  }

  afterAll(async () => system.close());

  // ------------------------------------------------------------------ harness

  /** Everything of the suggestions of this jurisdiction a request could change, as one comparable string (sign-ins and refused attempts are audited in workflow 'accounts', and may be). */
  async function fingerprint(): Promise<string> {
    const [row] = await system.dataSource.query(
      `SELECT json_build_object(
         'instances', (SELECT md5(coalesce(string_agg(id::text || version || last_event_hash, ',' ORDER BY id), '')) FROM workflow_instances WHERE jurisdiction_id = $1),
         'versions', (SELECT coalesce(sum(version), 0) FROM workflow_instances WHERE jurisdiction_id = $1),
         'audit', (SELECT count(*) FROM audit_events WHERE jurisdiction_id = $1 AND workflow = 'suggestion'),
         'suggestions', (SELECT md5(coalesce(string_agg(s::text, ',' ORDER BY id), '')) FROM suggestions s WHERE jurisdiction_id = $1),
         'proposers', (SELECT count(*) FROM suggestion_proposers WHERE jurisdiction_id = $1),
         'assignments', (SELECT md5(coalesce(string_agg(a::text, ',' ORDER BY suggestion_id, unit_id, round), '')) FROM assignments a WHERE jurisdiction_id = $1),
         'replies', (SELECT count(*) FROM replies WHERE jurisdiction_id = $1),
         'feedback', (SELECT count(*) FROM feedback WHERE jurisdiction_id = $1),
         'deadlines', (SELECT md5(coalesce(string_agg(d.key || d.status, ',' ORDER BY d.id), '')) FROM deadlines d WHERE jurisdiction_id = $1),
         'outbox', (SELECT count(*) FROM outbox_messages WHERE jurisdiction_id = $1),
         'read', (SELECT count(*) FROM notifications WHERE jurisdiction_id = $1 AND read_at IS NOT NULL),
         'idempotencyKeys', (SELECT count(*) FROM idempotency_keys),
         'sessions', (SELECT json_agg(last_suggestion_number ORDER BY id) FROM congress_sessions WHERE jurisdiction_id = $1)
       )::text AS print`,
      [directory.jurisdictionId],
    );
    return row.print;
  }

  function request(c: Case): Promise<Response> {
    let req = system.http()[c.method](c.path);
    const actor = c.actor === undefined ? (actors.get(c.operation ?? '') ?? 'office') : c.actor;
    if (c.authorization !== undefined) req = req.set('Authorization', c.authorization);
    else if (actor) req = req.set('Authorization', `Bearer ${tokens[actor]}`);
    for (const [name, value] of Object.entries(c.headers ?? {})) req = req.set(name, value);
    const raw = c.raw ?? (c.body === undefined ? undefined : JSON.stringify(c.body));
    return raw === undefined ? req : req.set('Content-Type', 'application/json').send(raw);
  }

  const namesField = (errors: Array<{ field: string }>, fields: string[]) =>
    errors.some((e) => fields.some((f) => e.field === f || e.field.startsWith(`${f}.`) || e.field.startsWith(`${f}[`)));

  /** Sends each case in turn; returns one line per broken expectation. */
  async function run(cases: Case[]): Promise<string[]> {
    const problems: string[] = [];
    let before = await fingerprint();
    for (const c of cases) {
      let res = await request(c);
      if (res.status === 401 && !c.expect?.includes(401) && c.actor !== null && c.authorization === undefined) {
        // An earlier case may have signed the sender out (a logout endpoint taking an empty body): sign in again.
        await signIn();
        res = await request(c);
      }
      const after = await fingerprint();
      const changed = after !== before
        ? Object.keys(JSON.parse(after)).filter((name) => JSON.stringify(JSON.parse(after)[name]) !== JSON.stringify(JSON.parse(before)[name]))
        : [];
      before = after;
      const say = (what: string) => problems.push(`${c.label}: ${what} (got ${res.status} ${JSON.stringify(res.body).slice(0, 240)})`);
      const strictOp = c.operation === undefined || KNOWN.has(c.operation);
      if (res.status >= 500) say('server error');
      if (c.expect && !c.expect.includes(res.status)) say(`expected ${c.expect.join('/')}`);
      if (res.status === 400) {
        const errors = res.body?.errors;
        const shaped = Array.isArray(errors) && errors.length > 0 && errors.every((e: { field: unknown; reason: unknown }) => typeof e.field === 'string' && typeof e.reason === 'string');
        // A domain may answer with its own INVALID_* code; a known operation, and any INVALID_INPUT, carries field errors.
        const strict = strictOp || res.body?.code === 'INVALID_INPUT';
        if (strict && (res.body?.code !== 'INVALID_INPUT' || !shaped)) say('a 400 must be INVALID_INPUT with errors [{ field, reason }]');
        else if (!strict && !String(res.body?.code).startsWith('INVALID_')) say('a 400 must have an INVALID_* code');
        else if (c.fields && shaped && !namesField(errors, c.fields)) say(`a 400 must name ${c.fields.join(' or ')}`);
      }
      if (res.status === 401 && res.body?.code !== 'AUTH_UNAUTHORIZED') say('a 401 must be AUTH_UNAUTHORIZED');
      if (res.status === 404 && strictOp && !String(res.body?.code).endsWith('NOT_FOUND')) say('a 404 must have a *_NOT_FOUND code');
      if (res.status >= 400 && changed.length > 0) say(`a rejected request changed ${changed.join(', ')}`);
    }
    return problems;
  }

  // ------------------------------------------------------------------ what a valid request of each operation looks like

  const key = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;
  const pathIds = (op: Operation) => [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  /** The operation's path with the given ids, else the suggestion in handling for a suggestion's path, else a random id. */
  const pathOf = (op: Operation, ids: Record<string, string> = {}) =>
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? (op.path.startsWith('/api/suggestions/') ? inProgressId : randomUUID()));
  /** A case of an operation; the expected answers hold only for the operations this file knows. */
  const caseOf = (op: Operation, label: string, c: Omit<Case, 'label' | 'method' | 'path'> & { path?: string }): Case => ({
    method: op.method,
    path: pathOf(op),
    operation: key(op),
    ...c,
    label: `${key(op)} ${label}`,
    ...(KNOWN.has(key(op)) ? {} : { expect: c.expect?.includes(401) || c.expect?.includes(413) ? c.expect : undefined, fields: undefined }),
  });

  /** A body each operation accepts as well-formed (whatever the state then says), to mutate one field at a time. */
  function baseBody(op: Operation): Record<string, unknown> {
    const bodies: Record<string, () => Record<string, unknown>> = {
      'post /api/auth/demo-login': () => ({ jurisdictionCode: JURISDICTION, username: 'office' }),
      'post /api/suggestions': () => ({
        sessionId: directory.sessionId, title: '关于增设路灯的建议', content: '建议在城北道路增设路灯。', category: '环资城建',
        duringSession: false, agreesToDisclosure: true,
      }),
      'post /api/suggestions/batch-assign': () => ({ suggestionIds: [inProgressId], assignment: { mode: 'SEPARATE', unitIds: [directory.unitIds[6]] } }),
      // The suggestion is in handling, so CLOSE is well-formed but not taken: no base request applies.
      'post /api/suggestions/{id}/events': () => ({ type: 'CLOSE' }),
    };
    return bodies[key(op)]?.() ?? {};
  }
  const resolve = (schema: Schema): Schema => (schema.$ref ? schemas[schema.$ref.split('/').pop() as string] ?? {} : schema);

  /** One case per property (nested ones too) and wrong value, plus one per required property left out. */
  function bodyMutations(op: Operation): Case[] {
    const cases: Case[] = [];
    const visit = (schema: Schema, path: string[], seen: Set<Schema>) => {
      const resolved = resolve(schema);
      if (seen.has(resolved)) return;
      for (const [name, property] of Object.entries(resolved.properties ?? {})) {
        const at = [...path, name];
        const required = (resolved.required ?? []).includes(name);
        const field = at.join('.');
        for (const value of wrongValuesFor(property)) {
          const body = withValue(baseBody(op), at, value);
          const label = `${field}=${JSON.stringify(value)?.slice(0, 30)}`;
          if (mayBeValid(value, required)) cases.push(caseOf(op, label, { body }));
          else cases.push(caseOf(op, label, { body, expect: [400], fields: value === NUL ? [field, '(request)'] : [field] }));
        }
        if (required) cases.push(caseOf(op, `without ${field}`, { body: withValue(baseBody(op), at, undefined), expect: [400], fields: [field] }));
        if (property.$ref) visit(property, at, new Set([...seen, resolved]));
      }
    };
    if (op.body) visit(op.body.schema, [], new Set());
    return cases;
  }

  function withValue(body: Record<string, unknown>, at: string[], value: unknown): Record<string, unknown> {
    const copy = structuredClone(body);
    let node = copy as Record<string, unknown>;
    for (const step of at.slice(0, -1)) node = (node[step] ??= {}) as Record<string, unknown>;
    if (value === undefined) delete node[at[at.length - 1]];
    else node[at[at.length - 1]] = value;
    return copy;
  }

  // ------------------------------------------------------------------ every operation of the OpenAPI document

  it('finds the operations it is meant to cover in the OpenAPI document', () => {
    expect(operations.map(key)).toEqual(expect.arrayContaining([...KNOWN]));
  });

  it('answers 401 to every secured operation without a valid token', async () => {
    const forged = `${tokens.office.slice(0, -4)}AAAA`;
    const cases = operations
      .filter((op) => op.secured)
      .flatMap((op): Case[] =>
        [
          { why: 'no token', actor: null },
          { why: 'garbage token', authorization: 'Bearer not-a-token' },
          { why: 'forged signature', authorization: `Bearer ${forged}` },
          { why: 'other scheme', authorization: `Basic ${Buffer.from('office:office').toString('base64')}` },
          { why: 'empty bearer', authorization: 'Bearer ' },
        ].map(({ why, ...auth }) => caseOf(op, why, { body: WITH_BODY.includes(op.method) ? baseBody(op) : undefined, ...auth, expect: [401] })),
      );
    expect(cases.length).toBeGreaterThan(40);
    expect(await run(cases)).toEqual([]);
  }, 60_000);

  it('answers 400 naming the id to a malformed path id and 404 to an unknown one', async () => {
    const cases = operations
      .filter((op) => pathIds(op).length > 0)
      .flatMap((op): Case[] => {
        const body = WITH_BODY.includes(op.method) ? baseBody(op) : undefined;
        return pathIds(op).flatMap((param) => {
          const at = (label: string, id: string, c: Partial<Case>) => caseOf(op, `${param}=${label}`, { path: pathOf(op, { [param]: id }), body, ...c });
          return [
            ...BAD_IDS.map((id) => at(id, encodeURIComponent(id).replace(/%252F/g, '%2F'), { expect: [400], fields: [param] })),
            at('%FF', '%FF', { expect: [400] }),
            at('a random uuid', randomUUID(), { expect: [404] }),
            at('the nil uuid', '00000000-0000-0000-0000-000000000000', { expect: [404] }),
            at('an upper-case unknown uuid', randomUUID().toUpperCase(), { expect: [404] }),
          ];
        });
      });
    expect(cases.length).toBeGreaterThan(20);
    expect(await run(cases)).toEqual([]);
  }, 60_000);

  it('answers 400 to malformed, mistyped, missing, unknown and oversized bodies', async () => {
    const rawBodies = ['not json', '{', '{"a":', "{'a': 1}", 'null', '"text"', '123', 'true', '[1, 2', '{"a": 1}}', '\u0000', 'NaN', '{"a": undefined}'];
    const deep = `{"a":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
    const cases = operations
      .filter((op) => WITH_BODY.includes(op.method))
      .flatMap((op): Case[] => {
        const base = baseBody(op);
        const needsBody = op.body?.required === true;
        // Express parses the body before any route runs, so these hold for every operation, known or not.
        const parsing = (label: string, c: Partial<Case>) => ({ ...caseOf(op, label, c), expect: c.expect });
        return [
          ...rawBodies.map((raw) => parsing(`raw ${JSON.stringify(raw)}`, { raw, expect: [400], fields: ['(body)'] })),
          parsing('nested 5,000 deep', { raw: deep, expect: [400], fields: ['(body)'] }),
          parsing('nested 5,000 deep in a field', { raw: JSON.stringify({ ...base, title: 'x' }).replace('"x"', '['.repeat(5_000) + ']'.repeat(5_000)), expect: [400], fields: ['(body)'] }),
          parsing('over the 2 MB limit', { body: { ...base, padding: 'x'.repeat(2_100_000) }, expect: [413] }),
          caseOf(op, 'an array', { body: [], expect: needsBody ? [400] : undefined }),
          caseOf(op, 'an array of the valid body', { body: [base], expect: needsBody ? [400] : undefined }),
          caseOf(op, 'an empty object', { body: {}, expect: needsBody ? [400] : undefined }),
          caseOf(op, 'an unknown property', { body: { ...base, unexpected: 1 }, expect: op.body ? [400] : undefined, fields: ['unexpected'] }),
          caseOf(op, 'a __proto__ property', { raw: JSON.stringify(base).replace(/^\{/, '{"__proto__": {"polluted": true}, ') }),
          ...bodyMutations(op),
        ];
      });
    expect(cases.length).toBeGreaterThan(150);
    expect(await run(cases)).toEqual([]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  }, 180_000);

  it('answers 400 to bad query strings and out-of-range paging', async () => {
    const badValues = (schema: Schema): string[] => {
      if (schema.type === 'number' || schema.type === 'integer') return ['0', '-1', 'x', '1.5', '1e400', 'Infinity', 'NaN', '99999999999999999999', '', '100000000', '0x10'];
      if (schema.type === 'boolean') return ['maybe', '2', 'TRUE', ''];
      if (schema.enum) return ['nope', "' OR 1=1", ''];
      return ['abc', "' OR 1=1", '%00', 'x'.repeat(5_000)];
    };
    const cases = operations
      .filter((op) => op.method === 'get')
      .flatMap((op): Case[] => {
        const at = (query: string, c: Partial<Case> = {}) => caseOf(op, `?${query.slice(0, 60)}`, { path: `${pathOf(op)}?${query}`, ...c });
        return [
          at('unexpected=1', op.query.length > 0 ? { expect: [400], fields: ['unexpected'] } : {}),
          at('unexpected[a][b]=1'),
          at(`${'a'.repeat(20)}=${'b'.repeat(6_000)}`),
          ...op.query.flatMap(({ name, schema }) => [
            ...badValues(schema).map((value) => at(`${name}=${value === '%00' ? value : encodeURIComponent(value)}`)),
            at(`${name}=1&${name}=2`, { fields: [name] }),
            at(`${name}[]=1`, { expect: [400] }),
          ]),
        ];
      });
    const paging: Case[] = [
      ...['page=0', 'page=-1', 'page=x', 'page=1.5', 'page=100001', 'pageSize=100000', 'pageSize=0', 'pageSize=201', 'pageSize=x'].map((query) => ({
        label: `list ?${query}`, method: 'get' as const, path: `/api/suggestions?${query}`, expect: [400], fields: [query.split('=')[0]],
      })),
      ...['limit=0', 'limit=100000', 'limit=x', 'offset=-1', 'offset=x', 'offset=1e308', 'offset=99999999999999999999'].map((query) => ({
        label: `notifications ?${query}`, method: 'get' as const, path: `/api/notifications?${query}`, expect: [400],
      })),
      { label: 'list ?page=100000', method: 'get', path: '/api/suggestions?page=100000', expect: [200] },
      { label: 'list ?category=%00', method: 'get', path: '/api/suggestions?category=%00', expect: [200, 400] },
    ];
    expect(await run([...cases, ...paging])).toEqual([]);
  }, 60_000);

  it('answers 400 to a malformed Idempotency-Key and stores none', async () => {
    const cases = operations
      .filter((op) => op.headers.includes('idempotency-key'))
      .flatMap((op): Case[] =>
        ['k'.repeat(256), randomBytes(4_000).toString('base64'), 'clé'].map((value) =>
          caseOf(op, `Idempotency-Key of ${value.length} chars`, {
            body: baseBody(op), headers: { 'Idempotency-Key': value }, expect: [400], fields: ['Idempotency-Key'],
          }),
        ),
      );
    expect(cases.filter((c) => KNOWN.has(c.operation as string)).length).toBe(6);
    expect(await run(cases)).toEqual([]);
  }, 60_000);

  // ------------------------------------------------------------------ POST /api/suggestions/{id}/events, type by type

  const eventTypes = Object.keys(SUGGESTION_EVENT_DTOS) as Array<keyof typeof SUGGESTION_EVENT_DTOS>;
  const eventCase = (label: string, body: unknown, c: Partial<Case> = {}): Case => ({
    label, method: 'post', path: `/api/suggestions/${inProgressId}/events`, body, ...c,
  });
  /** Each payload field of an event type with the names of its validators (isBoolean, isUUID…). */
  const payloadFields = (type: keyof typeof SUGGESTION_EVENT_DTOS) => {
    const fields = new Map<string, string[]>();
    for (const m of getMetadataStorage().getTargetValidationMetadatas(SUGGESTION_EVENT_DTOS[type], '', true, false)) {
      fields.set(m.propertyName, [...(fields.get(m.propertyName) ?? []), m.name ?? m.type]);
    }
    return [...fields];
  };

  it('never applies an event sent with an empty payload to a suggestion whose state or sender does not fit', async () => {
    const cases = eventTypes.flatMap((type) =>
      (['office', 'lead'] as const).map((who) => eventCase(`${type} as ${who} with no payload`, { type }, { actor: who, expect: [400, 403, 409] })),
    );
    expect(await run(cases)).toEqual([]);
  }, 60_000);

  it('answers 400 naming the field to every event payload field of the wrong type', async () => {
    const wrong = [12345, true, ['x'], { a: 1 }, 'x'.repeat(25_000), null, ''];
    const cases = eventTypes.flatMap((type) => [
      eventCase(`${type} with an unknown field`, { type, unexpected: 1 }, { expect: [400], fields: ['unexpected'] }),
      ...payloadFields(type).flatMap(([field, validators]) =>
        wrong.filter((value) => !(value === true && validators.includes('isBoolean'))).map((value) =>
          eventCase(`${type}.${field}=${JSON.stringify(value).slice(0, 20)}`, { type, [field]: value }, {
            expect: [400], fields: value === null || value === '' ? undefined : [field],
          }),
        ),
      ),
    ]);
    expect(cases.length).toBeGreaterThan(300);
    expect(await run(cases)).toEqual([]);
  }, 120_000);

  it('answers 400 to a missing, mistyped or unknown event type', async () => {
    const types = [undefined, null, 123, true, [], {}, 'NOPE', 'accept', ' ACCEPT', 'ACCEPT ', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'xstate.init', '*', '', HUGE];
    const cases = [
      ...types.map((type) => eventCase(`type=${JSON.stringify(type)?.slice(0, 20)}`, type === undefined ? { reason: '理由' } : { type }, { expect: [400], fields: ['type'] })),
      eventCase('an array of events', [{ type: 'CLOSE' }], { expect: [400], fields: ['type'] }),
      eventCase('no body at all', undefined, { expect: [400], fields: ['type'] }),
    ];
    expect(await run(cases)).toEqual([]);
  }, 60_000);

  it('refuses well-formed events that name unknown things, claim the system envelope or carry a NUL, and changes nothing', async () => {
    const random = randomUUID;
    const cases: Case[] = [
      eventCase('ASSIGN to an unknown unit', { type: 'ASSIGN', mode: 'SEPARATE', unitIds: [random()] }, { expect: [400, 409], fields: ['unitIds'] }),
      eventCase('REASSIGN_FOR_REHANDLING to an unknown unit', { type: 'REASSIGN_FOR_REHANDLING', mode: 'LEAD_WITH_CO_UNITS', unitIds: [random()], leadUnitId: random() }, { expect: [400, 409], fields: ['unitIds'] }),
      eventCase('MERGE into an unknown suggestion', { type: 'MERGE', targetSuggestionId: random(), reason: '内容相同' }, { expect: [400], fields: ['targetSuggestionId'] }),
      eventCase('MARK_KEY with unknown leaders', { type: 'MARK_KEY', leadingLeaderId: random(), supervisingLeaderId: random() }, { expect: [400], fields: ['leadingLeaderId'] }),
      eventCase('DECIDE_ADJUSTMENT for unknown units', { type: 'DECIDE_ADJUSTMENT', unitId: random(), approve: true, newUnitId: random(), reason: '同意' }, { expect: [400, 409] }),
      eventCase('DECIDE_EXTENSION for an unknown unit', { type: 'DECIDE_EXTENSION', unitId: random(), approve: true, dueAt: '2026-09-01T00:00:00Z' }, { expect: [409] }),
      eventCase('DECIDE_EXTENSION at year 0', { type: 'DECIDE_EXTENSION', unitId: directory.unitIds[6], approve: true, dueAt: '0000-01-01T00:00:00Z' }, { expect: [400, 409] }),
      eventCase('RECORD_HEARING of an unknown meeting', { type: 'RECORD_HEARING', meetingId: random(), opinion: '同意' }, { expect: [403, 409] }),
      eventCase('RECORD_VOTE_RESULT of an unknown vote', { type: 'RECORD_VOTE_RESULT', voteSessionId: random(), passed: false }, { expect: [403, 409] }),
      eventCase('DEADLINE_PASSED from a client', { type: 'DEADLINE_PASSED', deadlineKey: `REPLY_${directory.unitIds[6]}` }, { expect: [403] }),
      eventCase('ABSORB from a client', { type: 'ABSORB', sourceSuggestionId: reviewId, proposers: [] }, { expect: [403] }),
      eventCase('CLOSE claiming to be the system', { type: 'CLOSE', actor: { userId: 'system', roles: ['SYSTEM'] } }, { expect: [400], fields: ['actor'] }),
      eventCase('CLOSE with its own time', { type: 'CLOSE', at: '2020-01-01T00:00:00Z', due: {} }, { expect: [400], fields: ['at'] }),
      eventCase('INVITE_COSIGNER of an unknown deputy', { type: 'INVITE_COSIGNER', deputyId: random() }, { actor: 'lead', expect: [400, 409], fields: ['deputyId'] }),
      eventCase('INVITE_COSIGNER of oneself', { type: 'INVITE_COSIGNER', deputyId: directory.deputyIds[0] }, { actor: 'lead', expect: [409] }),
      eventCase('WITHDRAW with a NUL in the reason', { type: 'WITHDRAW', reason: NUL }, { actor: 'lead', expect: [400] }),
      eventCase('MERGE a suggestion into itself', { type: 'MERGE', targetSuggestionId: reviewId, reason: '内容相同' }, { path: `/api/suggestions/${reviewId}/events`, expect: [400, 409] }),
      eventCase('REJECT with a NUL in the reason', { type: 'REJECT', reason: NUL }, { path: `/api/suggestions/${reviewId}/events`, expect: [400] }),
    ];
    expect(await run(cases)).toEqual([]);
  }, 60_000);

  // ------------------------------------------------------------------ batch assignment

  it('answers 404 to a batch naming unknown suggestions and 400 to a malformed one, assigning none', async () => {
    const unit = directory.unitIds[6];
    const batch = (suggestionIds: unknown, assignment: unknown = { mode: 'SEPARATE', unitIds: [unit] }) => ({ suggestionIds, assignment });
    const post = (label: string, body: unknown, c: Partial<Case>): Case => ({ label, method: 'post', path: '/api/suggestions/batch-assign', body, ...c });
    const cases: Case[] = [
      post('only unknown ids', batch([randomUUID(), randomUUID()]), { expect: [404] }),
      post('a known id with an unknown one', batch([reviewId, randomUUID()]), { expect: [404] }),
      post('no ids', batch([]), { expect: [400], fields: ['suggestionIds'] }),
      post('the same id twice', batch([reviewId, reviewId]), { expect: [400], fields: ['suggestionIds'] }),
      post('20,001 ids', batch(Array.from({ length: 20_001 }, () => randomUUID())), { expect: [400], fields: ['suggestionIds'] }),
      post('an unknown unit', batch([reviewId], { mode: 'SEPARATE', unitIds: [randomUUID()] }), { expect: [400], fields: ['unitIds'] }),
      post('a lead unit outside the units', batch([reviewId], { mode: 'LEAD_WITH_CO_UNITS', unitIds: [unit], leadUnitId: directory.unitIds[5] }), { expect: [409] }),
      post('a suggestion still in review', batch([reviewId]), { expect: [409] }),
      post('as a deputy', batch([reviewId]), { actor: 'lead', expect: [403, 404] }),
    ];
    expect(await run(cases)).toEqual([]);
  }, 60_000);
});
