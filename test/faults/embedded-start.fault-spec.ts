import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/embedded-postgres';
import { waitFor } from './support/fault-fixtures';
import { httpJson, logIn } from './support/http-client';
import { isRunning, processTree, RunningJianyi, startJianyi } from './support/jianyi-start';

const DAY_MS = 86_400_000;
const DEMO = { jurisdictionCode: 'demo-county', password: 'jianyi-demo' };

jest.setTimeout(300_000);

/**
 * The whole system as a user starts it with nothing installed: embedded PostgreSQL in a temporary DATA_DIR, the
 * queues in that same database, api and worker as processes of their own. Each run is followed by a check that
 * every process it started (the guard, api, worker, PostgreSQL and its backends) is gone.
 */
describe('npm start in embedded mode (no DATABASE_URL, no REDIS_URL)', () => {
  let dataDir: string;
  let base: string;
  let port: number;
  const runs: RunningJianyi[] = [];
  const started: number[] = [];
  let suggestionId: string;
  let adjustmentDue: Date;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jianyi-embedded-'));
    // Run as root, PostgreSQL runs as the postgres user, which must be able to reach its folder.
    chmodSync(dataDir, 0o755);
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(() => {
    for (const pid of started.filter(isRunning)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Starts Jianyi and lists what it runs: the guard, the api, the worker, PostgreSQL and its backends. */
  const boot = async (env: Record<string, string> = {}) => {
    const run = startJianyi({ dataDir, port, env });
    runs.push(run);
    const seconds = await run.ready;
    const tree = processTree(run.start.pid as number);
    started.push(run.start.pid as number, ...tree.map((p) => p.pid));
    const commands = tree.map((p) => p.command).join('\n');
    for (const part of ['scripts/start-guard.ts', 'apps/api/src/main.ts', 'apps/worker/src/main.ts']) expect(commands).toContain(part);
    expect(tree.map((p) => p.pid)).toContain(postmasterPid());
    console.log(`embedded start: ready in ${seconds.toFixed(1)} s, ${tree.length} processes`);
    return { run, pids: [run.start.pid as number, ...tree.map((p) => p.pid)], pidOf: (part: string) => tree.find((p) => p.command.includes(part))?.pid as number };
  };

  const postmasterPid = () => Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

  const expectAllStopped = async (pids: number[]) => {
    await waitFor('every process of the run to be gone', async () => pids.every((pid) => !isRunning(pid)), { timeoutMs: 60_000, everyMs: 200 });
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  };

  const sigterm = async ({ run, pids }: { run: RunningJianyi; pids: number[] }) => {
    const asked = Date.now();
    run.start.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    await expectAllStopped(pids);
    expect(run.output()).toContain('Jianyi stopped');
    // The database outlived the apps' drain: no query cut off, no error logged.
    expect(run.output()).not.toContain('"level":"error"');
    console.log(`embedded start: stopped in ${((Date.now() - asked) / 1000).toFixed(1)} s`);
  };

  const as = async (username: string) => {
    const token = await logIn(base, { ...DEMO, username });
    return {
      get: (path: string) => httpJson(base, 'GET', path, { token }),
      post: (path: string, body: object) => httpJson(base, 'POST', path, { token, body }),
    };
  };

  const notificationsOf = async (username: string) =>
    ((await (await as(username)).get('/api/notifications?limit=100')).body.items ?? []) as Array<{ template: string; instanceId: string; data: Record<string, unknown> }>;

  it('files, reviews and assigns a suggestion over HTTP; when the worker dies, stops the rest and exits non-zero', async () => {
    const running = await boot();
    expect(running.run.output()).toContain('Embedded PostgreSQL running');
    expect(running.run.output()).toContain('Queues on postgres');
    const health = await httpJson(base, 'GET', '/api/health');
    expect(health).toEqual({ status: 200, body: { status: 'ok', queueBackend: 'postgres', checks: { postgres: 'up', queue: 'up', migrations: 'up', draining: false } } });

    const deputy = await as('deputy005');
    const [session] = (await deputy.get('/api/sessions')).body;
    const filed = await deputy.post('/api/suggestions', {
      sessionId: session.id, title: '关于在县城增设公共充电桩的建议', content: '县城新能源汽车增多，公共充电桩不足，建议统筹规划建设。',
      category: '环资城建', duringSession: false, agreesToDisclosure: true,
    });
    expect(filed.status).toBe(201);
    suggestionId = filed.body.id;
    expect((await deputy.post(`/api/suggestions/${suggestionId}/events`, { type: 'SUBMIT' })).status).toBe(200);

    const office = await as('office');
    expect((await office.post(`/api/suggestions/${suggestionId}/events`, { type: 'ACCEPT' })).status).toBe(200);
    const unit = ((await office.get('/api/units')).body as Array<{ id: string; name: string }>).find((u) => u.name === '县交通运输局');
    const assigned = await office.post(`/api/suggestions/${suggestionId}/events`, { type: 'ASSIGN', mode: 'LEAD_WITH_CO_UNITS', leadUnitId: unit?.id, unitIds: [unit?.id] });
    expect(assigned.status).toBe(200);
    const adjustment = (assigned.body.openDeadlines as Array<{ kind: string; dueAt: string }>).find((d) => d.kind === 'ADJUSTMENT');
    adjustmentDue = new Date(adjustment?.dueAt as string);
    expect(adjustmentDue.getTime()).toBeGreaterThan(Date.now() + DAY_MS);

    // The worker delivers the assignment to the unit's inbox through the queues in PostgreSQL.
    await waitFor('the unit to be told', async () => (await notificationsOf('jtj-staff')).some((n) => n.template === 'ASSIGNED' && n.instanceId === suggestionId));

    process.kill(running.pidOf('apps/worker/src/main.ts'), 'SIGKILL');
    expect(await running.run.exited).toEqual({ code: 1, signal: null });
    expect(running.run.output()).toContain('Stopping Jianyi (the worker exited (SIGKILL))');
    await expectAllStopped(running.pids);
  });

  it('on a later day (CLOCK_OFFSET_DAYS) sends the deadline reminder from the same data, then stops cleanly on SIGTERM', async () => {
    // Between the adjustment deadline's 1-day reminder and the deadline itself.
    const offsetDays = (adjustmentDue.getTime() - DAY_MS / 2 - Date.now()) / DAY_MS;
    const running = await boot({ CLOCK_OFFSET_DAYS: offsetDays.toFixed(6) });
    expect(running.run.output()).not.toContain('Applied migrations');

    await waitFor('the reminder to reach the unit', async () =>
      (await notificationsOf('jtj-staff')).some((n) => n.template === 'DEADLINE_REMINDER' && n.instanceId === suggestionId && n.data.deadlineKind === 'ADJUSTMENT'));
    const reminders = (await notificationsOf('jtj-staff')).filter((n) => n.template === 'DEADLINE_REMINDER' && n.instanceId === suggestionId);
    expect(reminders.map((n) => n.data.days)).toEqual([1]);
    // Due, not past due: the deadline itself has not fired.
    const detail = (await (await as('office')).get(`/api/suggestions/${suggestionId}`)).body;
    expect(detail.openDeadlines.map((d: { kind: string }) => d.kind)).toContain('ADJUSTMENT');
    await sigterm(running);
  });

  it('stops the api, the worker and the database when the start process itself is killed (SIGKILL)', async () => {
    const running = await boot();
    running.run.start.kill('SIGKILL');
    expect(await running.run.exited).toEqual({ code: null, signal: 'SIGKILL' });
    await expectAllStopped(running.pids);
    // The apps drained as on SIGTERM rather than being cut off.
    expect(running.run.output()).toContain('"msg":"api stopped"');
    expect(running.run.output()).toContain('"msg":"worker stopped"');
  });
});
