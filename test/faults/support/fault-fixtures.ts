import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { SeededDirectory } from '../../../scripts/demo/seed-directory';
import { suggestionFixtures } from '../../support/suggestion-fixtures';
import type { TestSystem } from '../../support/test-system';

const ROOT = join(__dirname, '..', '..', '..');
const DAY_MS = 86_400_000;

/**
 * `count` suggestions in handling, fast: one goes through the real service (file, submit, accept, assign), then its
 * instance and suggestion rows are cloned in SQL under new ids. Faults are about timers and processes, not filing.
 */
export async function assignedSuggestions(system: TestSystem, directory: SeededDirectory, count: number): Promise<string[]> {
  const fixtures = suggestionFixtures(system, directory);
  const [template] = await fixtures.newAcceptedSuggestions(1);
  const unit = directory.unitIds[6];
  await fixtures.send('office', template, { type: 'ASSIGN', mode: 'LEAD_WITH_CO_UNITS', leadUnitId: unit, unitIds: [unit] });
  const rows: Array<{ id: string }> = await system.dataSource.query(
    `WITH ids AS (SELECT gen_random_uuid() AS id FROM generate_series(1, $2)),
          instances AS (
            INSERT INTO workflow_instances (id, jurisdiction_id, workflow, machine_version, snapshot, version, last_event_hash, created_at, updated_at)
            SELECT ids.id, wi.jurisdiction_id, wi.workflow, wi.machine_version, wi.snapshot, wi.version, wi.last_event_hash, now(), now()
              FROM ids, workflow_instances wi WHERE wi.id = $1 RETURNING id)
     INSERT INTO suggestions (id, jurisdiction_id, session_id, number, title, content, category, during_session, lead_deputy_id, delegation_id,
                              agrees_to_disclosure, requests_confidentiality, state, round, classification, overdue, is_key, key_state, disclosure_state)
     SELECT ids.id, s.jurisdiction_id, s.session_id, NULL, s.title, s.content, s.category, s.during_session, s.lead_deputy_id, s.delegation_id,
            s.agrees_to_disclosure, s.requests_confidentiality, s.state, s.round, s.classification, s.overdue, s.is_key, s.key_state, s.disclosure_state
       FROM ids, suggestions s WHERE s.id = $1
     RETURNING id`,
    [template, count],
  );
  return rows.map((row) => row.id);
}

export interface PlannedDeadline {
  id: string;
  dueAt: Date;
  reminderOffsetsDays: number[];
  openedAt: Date;
}

/** One open reply deadline per instance, whose one reminder (1 day ahead) falls at `remindAt`. */
export async function insertReminderDeadlines(
  dataSource: DataSource,
  { jurisdictionId, unitId, instanceIds, remindAt }: { jurisdictionId: string; unitId: string; instanceIds: string[]; remindAt: Date },
): Promise<PlannedDeadline[]> {
  const dueAt = new Date(remindAt.getTime() + DAY_MS);
  const openedAt = new Date(remindAt.getTime() - 30 * DAY_MS);
  const rows: Array<{ id: string }> = await dataSource.query(
    `INSERT INTO deadlines (jurisdiction_id, workflow, instance_id, key, kind, unit_id, due_at, reminder_offsets_days, status, opened_at)
     SELECT $1, 'suggestion', id, 'FAULT_REPLY', 'REPLY', $2, $3, '{1}', 'OPEN', $4 FROM unnest($5::uuid[]) AS id
     RETURNING id`,
    [jurisdictionId, unitId, dueAt, openedAt, instanceIds],
  );
  return rows.map((row) => ({ id: row.id, dueAt, reminderOffsetsDays: [1], openedAt }));
}

/** Per deadline, how many reminders were recorded (firings, and outbox messages): each must be exactly 1. */
export async function reminderCounts(dataSource: DataSource, deadlineIds: string[]): Promise<{ firings: number[]; outbox: number[] }> {
  const rows: Array<{ firings: number; outbox: number }> = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM deadline_firings f WHERE f.deadline_id = d.id AND f.firing = 'REMIND_1') AS firings,
            (SELECT count(*)::int FROM outbox_messages o WHERE o.dedupe_key = 'reminder_' || d.id || '_1') AS outbox
       FROM unnest($1::uuid[]) AS d(id)`,
    [deadlineIds],
  );
  return { firings: rows.map((r) => r.firings), outbox: rows.map((r) => r.outbox) };
}

export async function recordedReminders(dataSource: DataSource, jurisdictionId: string): Promise<number> {
  const [row] = await dataSource.query(
    `SELECT count(*)::int AS n FROM outbox_messages WHERE jurisdiction_id = $1 AND template = 'DEADLINE_REMINDER'`,
    [jurisdictionId],
  );
  return row.n;
}

export async function waitFor(what: string, check: () => Promise<boolean>, { timeoutMs = 120_000, everyMs = 250 } = {}): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The real worker (or api) as its own process, as deployed: `node -r @swc-node/register apps/<app>/src/main.ts`. */
export function spawnApp(app: 'api' | 'worker', env: Record<string, string>): { child: ChildProcess; ready: Promise<void>; output: () => string } {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps', app, 'src', 'main.ts')], {
    cwd: ROOT,
    // LOG_LEVEL log: readiness is the app's own 'worker started' / 'api listening' line, which a higher level hides.
    env: { ...process.env, LOG_LEVEL: 'log', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/"msg":"(worker started","reconciled|api listening)"/.test(output)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`${app} exited (${code ?? signal}) before it was ready:\n${output.slice(-2000)}`)));
  });
  // A child that neither becomes ready nor exits (a hung boot) fails the test instead of hanging it.
  const timer = setTimeout(() => {
    child.kill('SIGKILL');
  }, 90_000);
  ready.then(() => clearTimeout(timer), () => clearTimeout(timer));
  ready.catch(() => undefined);
  return { child, ready, output: () => output };
}

export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 15_000)))]);
  // A pending timer would keep jest alive for its full 15 s after the last test.
  clearTimeout(timer);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
