import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { OutboxRepository } from '@app/notifications';
import { JobName, QueueService } from '@app/persistence';
import type { SeededDirectory } from '../../../scripts/demo/seed-directory';
import { countBy, startSmsStandIn, startSmtpStandIn } from '../../support/channel-stand-ins';
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

export type ProviderStandIns = { smtp: Awaited<ReturnType<typeof startSmtpStandIn>>; sms: Awaited<ReturnType<typeof startSmsStandIn>> };

/** A local SMTP server and SMS gateway answering after `delayMs`, both dropping a key seen before as de-duplicating providers do. */
export async function startProviderStandIns(delayMs: number): Promise<ProviderStandIns> {
  const [smtp, sms] = await Promise.all([startSmtpStandIn({ delayMs, dedupe: true }), startSmsStandIn({ delayMs, dedupe: true })]);
  return { smtp, sms };
}

/** One event that notifies every deputy (in-app, plus the channels each chose), written and enqueued as the engine does. */
export async function notifyEveryDeputy(system: TestSystem, directory: SeededDirectory, title: string): Promise<string> {
  const [outboxId] = await system.dataSource.transaction((manager) =>
    system.worker.get(OutboxRepository).add(manager, [{
      jurisdictionId: directory.jurisdictionId, instanceId: null, template: 'SUGGESTION_ACCEPTED',
      recipients: directory.deputyIds.map((id) => ({ kind: 'DEPUTY' as const, id })),
      data: { number: '第1号', title }, dedupeKey: `fault-${randomUUID()}`, createdAt: new Date(),
    }]),
  );
  await system.worker.get(QueueService).enqueue({ name: JobName.DELIVER_OUTBOX, data: { outboxId }, jobId: `outbox_${outboxId}` });
  return outboxId;
}

/** The e-mail and SMS settings that point at the local stand-ins; short retries. */
export function channelEnv(smtp: { url: string }, sms: { url: string }): Record<string, string> {
  return {
    SMTP_URL: smtp.url, MAIL_FROM: 'jianyi@renda.example.cn', SMS_GATEWAY_URL: sms.url, SMS_GATEWAY_KEY: 'key-1', SMS_GATEWAY_SECRET: 'secret-1',
    SMS_TEMPLATE_ID: 'SMS_100001', SMS_SIGN_NAME: '示例县人大', PUBLIC_URL: 'https://jy.example.cn', NOTIFY_MAX_ATTEMPTS: '5', NOTIFY_BACKOFF_MS: '200',
  };
}

/**
 * A worker process on the test system's database and queues. A short job lock: the jobs of a killed worker go to
 * the next one within seconds rather than the production 30 s.
 */
export function workerEnv(system: TestSystem, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: process.env.TEST_DATABASE_URL as string,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: system.worker.get(QueueService).prefix,
    RECONCILE_INTERVAL_MS: '3600000',
    JOB_LOCK_MS: '3000',
    ...extra,
  };
}

/** Every deputy of the jurisdiction wants e-mail and SMS, each at an address of their own. */
export async function enableDeputyChannels(dataSource: DataSource, jurisdictionId: string): Promise<void> {
  await dataSource.query(
    `INSERT INTO notification_preferences (user_id, jurisdiction_id, channels, email, phone, digest, updated_at)
     SELECT id, jurisdiction_id, '{EMAIL,SMS}', username || '@example.cn', '138' || lpad((row_number() OVER (ORDER BY id))::text, 8, '0'), false, now()
       FROM users WHERE jurisdiction_id = $1 AND deputy_id IS NOT NULL`,
    [jurisdictionId],
  );
}

export interface DeliveryState {
  channel: 'EMAIL' | 'SMS';
  deliveryKey: string;
  status: string;
  attempts: number;
}

export function deliveryStates(dataSource: DataSource, jurisdictionId: string): Promise<DeliveryState[]> {
  return dataSource.query(
    `SELECT channel, delivery_key AS "deliveryKey", status, attempts FROM notification_deliveries WHERE jurisdiction_id = $1`,
    [jurisdictionId],
  );
}

/** The key a provider sees for a delivery: the e-mail's Message-ID, the SMS gateway's outId. */
export function providerKey(delivery: Pick<DeliveryState, 'channel' | 'deliveryKey'>): string {
  return delivery.channel === 'EMAIL' ? `<${delivery.deliveryKey}@jianyi>` : delivery.deliveryKey;
}

/** Exactly once per message and channel at the recipient: every delivery's key arrived once, and nothing else did. */
export function expectEachKeyArrivedOnce(
  rows: DeliveryState[],
  smtp: { received: Array<{ messageId: string }> },
  sms: { received: Array<{ outId: string }> },
): void {
  const arrived = countBy([...smtp.received.map((mail) => mail.messageId), ...sms.received.map((text) => text.outId)], (key) => key);
  expect(rows.filter((row) => arrived.get(providerKey(row)) !== 1).map(providerKey)).toEqual([]);
  expect(arrived.size).toBe(rows.length);
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
