/**
 * Two jurisdictions, every route tried across the boundary (read from the OpenAPI document, so a new route is
 * covered the day it is added): the other jurisdiction's objects answer 404 (never 403, which would confirm they
 * exist), their ids in a body are refused as unknown, no list shows them, and nothing of theirs changes.
 */
import { randomUUID } from 'node:crypto';
import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { actorsOf, ActingClient } from './support/actors';
import { startTestSystem, TestSystem } from './support/test-system';

/** Routes whose lookups are scoped by the accounts and suggestion modules: held to exactly 404. */
const POLICY_ROUTES = /^\/api\/(auth|admin|rosters|deputies|suggestions|inbox|notifications|sessions|delegations|units|profile|health)(\/|$)/;

describe('tenancy: nothing of one jurisdiction can be seen, found or changed from another', () => {
  let system: TestSystem;
  let a: SeededDirectory;
  let b: SeededDirectory;
  let asA: (username: string) => Promise<ActingClient>;
  let bSuggestion: string;
  let bNotification: string;

  beforeAll(async () => {
    system = await startTestSystem();
    a = await seedDirectory(system.dataSource, { code: 'tenancy-a', name: '甲县', deputies: 3 });
    b = await seedDirectory(system.dataSource, { code: 'tenancy-b', name: '乙县', deputies: 3 });
    asA = actorsOf(system, 'tenancy-a');
    const asB = actorsOf(system, 'tenancy-b');
    const deputyB = await asB('deputy001');
    bSuggestion = (await deputyB.post('/api/suggestions', {
      sessionId: b.sessionId, title: '乙县的建议', content: '内容。', category: '社会建设', duringSession: true, agreesToDisclosure: true,
    }).expect(201)).body.id;
    await deputyB.send(bSuggestion, { type: 'SUBMIT' });
    await (await asB('office')).send(bSuggestion, { type: 'ACCEPT' });
    await (await asB('office')).send(bSuggestion, { type: 'ASSIGN', mode: 'LEAD_WITH_CO_UNITS', unitIds: [b.unitIds[6]], leadUnitId: b.unitIds[6] });
    await system.reconcile();
    await system.drainQueues();
    const [notification] = await system.dataSource.query('SELECT id FROM notifications WHERE jurisdiction_id = $1 LIMIT 1', [b.jurisdictionId]);
    bNotification = notification?.id;
    expect(bNotification).toBeDefined();
  });

  afterAll(async () => system.close());

  /** A fingerprint of everything jurisdiction B holds that a request could change. */
  const fingerprintOfB = async (): Promise<string> => {
    const [row] = await system.dataSource.query(
      `SELECT md5(coalesce((SELECT string_agg(s.id || s.state || s.version_marker, ',' ORDER BY s.id) FROM (
                SELECT s.id::text AS id, s.state, s.updated_at::text AS version_marker FROM suggestions s WHERE s.jurisdiction_id = $1) s), '')) AS suggestions,
              md5(coalesce((SELECT string_agg(u.id::text || array_to_string(u.roles, '|') || u.active::text || coalesce(u.password_changed_at::text, ''), ',' ORDER BY u.id)
                FROM users u WHERE u.jurisdiction_id = $1), '')) AS users,
              md5(coalesce((SELECT string_agg(d.id::text || d.active::text || d.name || coalesce(d.phone, ''), ',' ORDER BY d.id) FROM deputies d WHERE d.jurisdiction_id = $1), '')) AS deputies,
              md5(coalesce((SELECT string_agg(h.id::text || h.name || h.active::text, ',' ORDER BY h.id) FROM handling_units h WHERE h.jurisdiction_id = $1), '')) AS units,
              (SELECT count(*) FROM audit_events WHERE jurisdiction_id = $1 AND workflow <> 'accounts') AS workflow_events,
              (SELECT count(*) FROM auth_sessions WHERE jurisdiction_id = $1 AND revoked_at IS NOT NULL) AS revoked_sessions,
              (SELECT count(*) FROM notifications WHERE jurisdiction_id = $1 AND read_at IS NOT NULL) AS read_notifications`,
      [b.jurisdictionId],
    );
    return JSON.stringify(row);
  };

  const idsOfB = (): string[] => [
    b.jurisdictionId, b.sessionId, bSuggestion, bNotification, ...b.deputyIds, ...b.unitIds, ...b.delegationIds, ...Object.values(b.users),
  ];

  /** B's object for a path parameter, chosen by the route it appears in. */
  const bIdFor = (template: string): string => {
    if (template.startsWith('/api/admin/users')) return b.users['jtj-staff'];
    if (template.startsWith('/api/deputies')) return b.deputyIds[0];
    if (template.startsWith('/api/notifications')) return bNotification;
    if (template.includes('/units/')) return b.unitIds[0];
    return bSuggestion;
  };

  it('answers for every route naming an object of the other jurisdiction exactly as for one that does not exist, and changes nothing there', async () => {
    const before = await fingerprintOfB();
    const document = (await system.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const mismatches: string[] = [];
    let tried = 0;
    for (const [template, operations] of Object.entries(document.paths)) {
      if (!template.includes('{')) continue;
      for (const [method, operation] of Object.entries(operations as Record<string, Record<string, unknown>>)) {
        // Public routes serve published content of any jurisdiction by design.
        if (operation['x-public'] === true) continue;
        const path = template.replace(/\{[^}]+\}/g, (param) => (param === '{id}' ? bIdFor(template) : randomUUID()));
        const nowhere = template.replace(/\{[^}]+\}/g, () => randomUUID());
        // The most powerful user of A for the route: the administrator for accounts, the office otherwise.
        const token = await tokenOfA(template.startsWith('/api/admin') ? 'admin' : 'office');
        const answer = await send(token, method, path);
        const control = await send(token, method, nowhere);
        tried++;
        if (answer.status < 400 || answer.status === 403) mismatches.push(`${method} ${template}: ${answer.status}, reached the other jurisdiction`);
        // B's object must be indistinguishable from one that does not exist (a 400 for the empty body is fine, alike for both).
        if (POLICY_ROUTES.test(template) && (answer.status !== control.status || answer.body?.code !== control.body?.code)) {
          mismatches.push(`${method} ${template}: ${answer.status} ${answer.body?.code} for B's object but ${control.status} for none`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(tried).toBeGreaterThan(10);
    expect(await fingerprintOfB()).toBe(before);
  }, 120_000);

  it('shows nothing of the other jurisdiction in any list any role can read', async () => {
    const document = (await system.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const lists = Object.entries(document.paths).filter(([template, operations]) => !template.includes('{') && 'get' in operations).map(([template]) => template);
    expect(lists).toEqual(expect.arrayContaining(['/api/suggestions', '/api/deputies', '/api/units', '/api/admin/users', '/api/admin/audit-events']));
    const leaks: string[] = [];
    for (const username of ['office', 'admin', 'deputy001', 'jtj-staff', 'gov-leader', 'council', 'gov-office']) {
      const caller = await asA(username);
      for (const template of lists) {
        const answer = await caller.get(template);
        const text = answer.text ?? '';
        const leaked = idsOfB().filter((id) => text.includes(id));
        if (leaked.length > 0) leaks.push(`${username} GET ${template} shows ${leaked.length} id(s) of B`);
      }
    }
    expect(leaks).toEqual([]);
  }, 120_000);

  it('refuses the other jurisdiction’s ids inside request bodies as unknown, changing nothing', async () => {
    const before = await fingerprintOfB();
    const deputy = await asA('deputy001');
    const office = await asA('office');
    const admin = await asA('admin');
    const filing = { title: '甲县的建议', content: '内容。', category: '社会建设', duringSession: true, agreesToDisclosure: true };
    expect((await deputy.post('/api/suggestions', { ...filing, sessionId: b.sessionId }).expect(400)).body.errors[0].field).toBe('sessionId');
    expect((await deputy.post('/api/suggestions', { ...filing, sessionId: a.sessionId, cosignerIds: [b.deputyIds[1]] }).expect(400)).body.errors[0].field).toBe('cosignerIds');

    const own = (await deputy.post('/api/suggestions', { ...filing, sessionId: a.sessionId }).expect(201)).body.id;
    await deputy.send(own, { type: 'SUBMIT' });
    await office.send(own, { type: 'ACCEPT' });
    await office.post(`/api/suggestions/${own}/events`, { type: 'ASSIGN', mode: 'LEAD_WITH_CO_UNITS', unitIds: [b.unitIds[0]], leadUnitId: b.unitIds[0] }).expect(400);
    await office.post(`/api/suggestions/${own}/events`, { type: 'MERGE', targetSuggestionId: bSuggestion, reason: '同' }).expect(400);
    await office.post(`/api/suggestions/${own}/events`, {
      type: 'MARK_KEY', leadingLeaderId: b.users['gov-leader'], supervisingLeaderId: b.users['sc-leader'],
    }).expect(400);
    await office.post('/api/suggestions/batch-assign', {
      suggestionIds: [bSuggestion], assignment: { mode: 'LEAD_WITH_CO_UNITS', unitIds: [a.unitIds[0]], leadUnitId: a.unitIds[0] },
    }).expect(404);
    await deputy.post(`/api/suggestions/${own}/events`, { type: 'INVITE_COSIGNER', deputyId: b.deputyIds[1] }).expect(400);

    const linkB = await admin.post('/api/admin/users', { username: 'cross', displayName: '跨县', roles: ['UNIT_STAFF'], unitId: b.unitIds[0] }).expect(400);
    expect(linkB.body.errors).toEqual([{ field: 'unitId', reason: 'no such active unit in this jurisdiction' }]);
    const adminToken = await tokenOfA('admin');
    await send(adminToken, 'put', `/api/admin/users/${a.users['deputy002']}/roles`, { roles: ['DEPUTY'], deputyId: b.deputyIds[1] }).expect(400);
    await send(adminToken, 'put', `/api/admin/users/${b.users['deputy002']}/roles`, { roles: ['OFFICE'] }).expect(404);
    await send(adminToken, 'post', `/api/admin/users/${b.users['deputy002']}/reset-password`, {}).expect(404);
    await send(await tokenOfA('office'), 'post', `/api/deputies/${b.deputyIds[1]}/deactivate`, {}).expect(404);
    expect(await fingerprintOfB()).toBe(before);
  });

  it('keeps sign-in and its throttling inside the jurisdiction named', async () => {
    const fromA = (await system.http().post('/api/auth/login').send({ jurisdictionCode: 'tenancy-a', username: 'office', password: 'jianyi-demo' }).expect(200)).body;
    expect(fromA.user.jurisdictionId).toBe(a.jurisdictionId);
    await system.http().post('/api/auth/login').send({ jurisdictionCode: 'no-such-place', username: 'office', password: 'jianyi-demo' }).expect(401);
    // Many wrong passwords in A lock A's name only.
    for (let attempt = 0; attempt < 12; attempt++) {
      await system.http().post('/api/auth/login').send({ jurisdictionCode: 'tenancy-a', username: 'member', password: 'wrong-password-1' });
    }
    await system.http().post('/api/auth/login').send({ jurisdictionCode: 'tenancy-a', username: 'member', password: 'jianyi-demo' }).expect(429);
    await system.http().post('/api/auth/login').send({ jurisdictionCode: 'tenancy-b', username: 'member', password: 'jianyi-demo' }).expect(200);
  });

  const tokens = new Map<string, string>();
  async function tokenOfA(username: string): Promise<string> {
    if (!tokens.has(username)) {
      const login = await system.http().post('/api/auth/demo-login').send({ jurisdictionCode: 'tenancy-a', username }).expect(200);
      tokens.set(username, login.body.accessToken);
    }
    return tokens.get(username) as string;
  }

  function send(token: string, method: string, path: string, body: object = {}) {
    const call = (system.http() as unknown as Record<string, (p: string) => import('supertest').Test>)[method](path).set('Authorization', `Bearer ${token}`);
    return method === 'get' || method === 'delete' ? call : call.send(body);
  }
});
