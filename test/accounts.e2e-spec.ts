import { DEMO_PASSWORD, seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { LOGIN_THROTTLE } from '../libs/accounts/src/constants/auth-limits.constant';
import { startTestSystem, TestSystem } from './support/test-system';

const CODE = 'accounts-e2e';

describe('accounts: password sign-in, sessions, throttling, administration', () => {
  let system: TestSystem;
  let directory: SeededDirectory;

  beforeAll(async () => {
    system = await startTestSystem({ withWorker: false });
    directory = await seedDirectory(system.dataSource, { code: CODE, name: '账户县', deputies: 3 });
  });

  afterAll(async () => system.close());

  const login = (username: string, password: string) =>
    system.http().post('/api/auth/login').send({ jurisdictionCode: CODE, username, password });
  const as = (token: string) => ({
    get: (path: string) => system.http().get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => system.http().post(path).set('Authorization', `Bearer ${token}`).send(body),
    put: (path: string, body: object = {}) => system.http().put(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  const auditOf = async (eventType: string): Promise<Array<Record<string, unknown>>> =>
    system.dataSource.query(
      `SELECT event_type, actor_user_id, payload, reason, instance_id, workflow FROM audit_events
        WHERE jurisdiction_id = $1 AND workflow = 'accounts' AND event_type = $2 ORDER BY seq`,
      [directory.jurisdictionId, eventType],
    );

  it('signs in with the demo password, answers /me, and audits the sign-in', async () => {
    const response = await login('office', DEMO_PASSWORD).expect(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', refreshToken: expect.any(String), user: { userId: directory.users.office } });
    await as(response.body.accessToken).get('/api/auth/me').expect(200);
    const logins = await auditOf('LOGIN');
    expect(logins.at(-1)).toMatchObject({ actor_user_id: directory.users.office, instance_id: null, payload: { method: 'PASSWORD', username: 'office' } });
  });

  it('gives the same answer for a wrong password and an unknown name, and audits both', async () => {
    const wrong = await login('deputy001', 'not-the-password').expect(401);
    const unknown = await login('nobody-here', 'not-the-password').expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
    const failures = await auditOf('LOGIN_FAILED');
    expect(failures.map((f) => (f.payload as { username: string }).username)).toEqual(expect.arrayContaining(['deputy001', 'nobody-here']));
    expect(JSON.stringify(failures)).not.toContain('not-the-password');
  });

  it('throttles a run of wrong passwords, then locks the name even for the right password, across the lock period', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < LOGIN_THROTTLE.FREE_FAILURES + 1; attempt++) statuses.push((await login('deputy002', 'wrong-password-x')).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const throttled = await login('deputy002', DEMO_PASSWORD).expect(429);
    expect(throttled.body).toMatchObject({ code: 'LOGIN_THROTTLED', retryAfterSeconds: expect.any(Number) });

    // Keep guessing, waiting out each delay, until the lock.
    for (let failures = LOGIN_THROTTLE.FREE_FAILURES + 1; failures < LOGIN_THROTTLE.LOCK_AFTER_FAILURES; failures++) {
      system.clock.set(new Date(system.clock.now().getTime() + 600_000));
      await login('deputy002', 'wrong-password-x').expect(401);
    }
    const locked = await login('deputy002', DEMO_PASSWORD).expect(429);
    expect(locked.body.message).toContain('locked');
    expect(locked.body.retryAfterSeconds).toBeGreaterThan(LOGIN_THROTTLE.LOCK_SECONDS - 5);
    const [row] = await system.dataSource.query('SELECT locked FROM login_throttles WHERE jurisdiction_id = $1 AND username = $2', [
      directory.jurisdictionId, 'deputy002',
    ]);
    expect(row.locked).toBe(true);

    system.clock.set(new Date(system.clock.now().getTime() + (LOGIN_THROTTLE.LOCK_SECONDS + 1) * 1000));
    await login('deputy002', DEMO_PASSWORD).expect(200);
  });

  it('ends a session at once on sign-out: the access token and the refresh token stop working', async () => {
    const { body } = await login('deputy003', DEMO_PASSWORD).expect(200);
    const client = as(body.accessToken);
    await client.get('/api/suggestions').expect(200);
    await client.post('/api/auth/logout').expect(200);
    const after = await client.get('/api/suggestions').expect(401);
    expect(after.body.code).toBe('AUTH_UNAUTHORIZED');
    await system.http().post('/api/auth/refresh').send({ refreshToken: body.refreshToken }).expect(401);
    expect((await auditOf('LOGOUT')).length).toBeGreaterThan(0);
  });

  it('rotates refresh tokens, and a replayed old one revokes the session', async () => {
    const first = (await login('gov-office', DEMO_PASSWORD).expect(200)).body;
    const second = (await system.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await as(second.accessToken).get('/api/auth/me').expect(200);

    await system.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    // The thief's replay ended the session for everyone holding its tokens.
    await as(second.accessToken).get('/api/auth/me').expect(401);
    await system.http().post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
    expect((await auditOf('REFRESH_TOKEN_REUSED')).length).toBe(1);
  });

  it('changes a password: the old one stops working and other sessions end', async () => {
    const other = (await login('member', DEMO_PASSWORD).expect(200)).body;
    const current = (await login('member', DEMO_PASSWORD).expect(200)).body;
    const client = as(current.accessToken);
    const wrong = await client.post('/api/auth/password', { currentPassword: 'wrong-one-123', newPassword: 'committee-secret-2026' }).expect(400);
    expect(wrong.body.errors).toEqual([{ field: 'currentPassword', reason: 'is wrong' }]);
    await client.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' }).expect(400);
    const changed = await client.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'committee-secret-2026' }).expect(200);
    expect(changed.body.sessionsEnded).toBe(1);
    await as(other.accessToken).get('/api/auth/me').expect(401);
    await client.get('/api/auth/me').expect(200);
    await login('member', DEMO_PASSWORD).expect(401);
    await login('member', 'committee-secret-2026').expect(200);
    expect((await auditOf('PASSWORD_CHANGED')).length).toBe(1);
  });

  it('lets the administrator create a user, change roles, reset the password and deactivate, each audited', async () => {
    const admin = as((await login('admin', DEMO_PASSWORD).expect(200)).body.accessToken);
    const bad = await admin.post('/api/admin/users', { username: 'new-staff', displayName: '新经办人', roles: ['UNIT_STAFF'] }).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'unitId', reason: 'is required with UNIT_STAFF or UNIT_HEAD' }]);
    const created = await admin
      .post('/api/admin/users', { username: 'new-staff', displayName: '新经办人', roles: ['UNIT_STAFF'], unitId: directory.unitIds[0] })
      .expect(201);
    const { temporaryPassword, user } = created.body;
    expect(temporaryPassword).toHaveLength(16);
    await admin.post('/api/admin/users', { username: 'new-staff', displayName: 'x', roles: ['OFFICE'] }).expect(409);

    // A temporary password lets the user do nothing but choose their own.
    const first = as((await login('new-staff', temporaryPassword).expect(200)).body.accessToken);
    expect((await first.get('/api/suggestions').expect(403)).body.code).toBe('PASSWORD_CHANGE_REQUIRED_FORBIDDEN');
    await first.post('/api/auth/password', { currentPassword: temporaryPassword, newPassword: 'my-own-secret-77' }).expect(200);
    await first.get('/api/suggestions').expect(200);
    await first.get('/api/inbox').expect(200);

    const changed = await admin.put(`/api/admin/users/${user.id}/roles`, { roles: ['OFFICE'] }).expect(200);
    expect(changed.body).toMatchObject({ roles: ['OFFICE'], unitId: null });
    // Roles are re-read on every request: the change applies to the live session at once.
    await first.get('/api/inbox').expect(403);
    const roleEvents = await auditOf('ROLES_CHANGED');
    expect(roleEvents.at(-1)).toMatchObject({ actor_user_id: directory.users.admin, payload: { userId: user.id, from: { roles: ['UNIT_STAFF'] }, to: { roles: ['OFFICE'] } } });

    const reset = await admin.post(`/api/admin/users/${user.id}/reset-password`).expect(200);
    expect(reset.body.sessionsEnded).toBe(1);
    await first.get('/api/auth/me').expect(401);
    await login('new-staff', 'my-own-secret-77').expect(401);
    await login('new-staff', reset.body.temporaryPassword).expect(200);
    expect((await auditOf('PASSWORD_RESET')).at(-1)).toMatchObject({ payload: { userId: user.id } });

    await admin.post(`/api/admin/users/${user.id}/deactivate`).expect(200);
    await login('new-staff', reset.body.temporaryPassword).expect(401);
    await admin.post(`/api/admin/users/${directory.users.admin}/deactivate`).expect(403);
    await admin.put(`/api/admin/users/${directory.users.admin}/roles`, { roles: ['OFFICE'] }).expect(403);
  });

  it('deactivates a deputy who left: their accounts sign out, their suggestions and history stay', async () => {
    const office = as((await login('office', DEMO_PASSWORD).expect(200)).body.accessToken);
    const deputy = as((await login('deputy001', DEMO_PASSWORD).expect(200)).body.accessToken);
    const filed = await deputy
      .post('/api/suggestions', {
        sessionId: directory.sessionId, title: '关于修缮村道的建议', content: '建议修缮。', category: '环资城建', duringSession: true, agreesToDisclosure: true,
      })
      .expect(201);
    await deputy.post(`/api/suggestions/${filed.body.id}/events`, { type: 'SUBMIT' }).expect(200);

    await office.post(`/api/deputies/${directory.deputyIds[0]}/deactivate`, { reason: '调离本县' }).expect(200);
    await deputy.get('/api/auth/me').expect(401);
    const deputies = (await office.get('/api/deputies').expect(200)).body as Array<{ id: string; active: boolean; deactivatedAt: string | null }>;
    expect(deputies.find((d) => d.id === directory.deputyIds[0])).toMatchObject({ active: false, deactivatedAt: expect.any(String) });
    const kept = (await office.get(`/api/suggestions/${filed.body.id}`).expect(200)).body;
    expect(kept).toMatchObject({ state: 'review' });
    expect((await auditOf('DEPUTY_DEACTIVATED')).at(-1)).toMatchObject({ reason: '调离本县' });

    await office.post(`/api/deputies/${directory.deputyIds[0]}/reactivate`).expect(200);
  });

  it('keeps one unbroken hash chain of account events per jurisdiction', async () => {
    const admin = as((await login('admin', DEMO_PASSWORD).expect(200)).body.accessToken);
    const verdict = (await admin.get('/api/admin/audit-events/verify').expect(200)).body;
    expect(verdict.brokenAt).toBe(-1);
    expect(verdict.events).toBeGreaterThan(20);
    const listed = (await admin.get('/api/admin/audit-events?eventType=LOGIN_FAILED&limit=5').expect(200)).body;
    expect(listed.items.length).toBe(5);

    await system.dataSource.query(
      `UPDATE audit_events SET payload = payload || '{"username":"tampered"}' WHERE jurisdiction_id = $1 AND workflow = 'accounts' AND seq = 2`,
      [directory.jurisdictionId],
    );
    expect((await admin.get('/api/admin/audit-events/verify').expect(200)).body.brokenAt).toBe(1);
  });
});
