import { Queue, Worker } from 'bullmq';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { NestFactory } from '@nestjs/core';
import { JobName, JobRunner, QueueService } from '@app/persistence';
import { reminderJobId } from '@app/deadlines';
import { BenchSystem } from './support/bench-system';
import { profiled } from './support/cpu-profile';

const DAY_MS = 86_400_000;
const CONCURRENCY = Number(process.env.BENCH_STORM_CONCURRENCY ?? 8);

export interface ReminderStormResult {
  deadlines: number;
  engineSeconds: number;
  /** Until every reminder is also delivered to the inboxes (the DELIVER_OUTBOX jobs it queued). */
  deliveredSeconds: number;
  bullmqNoopSeconds: number;
  ratio: number;
  duplicates: number;
  missing: number;
}

/** `count` assigned suggestions: one through the service, cloned in SQL (instances and suggestion rows). */
async function instances(system: BenchSystem, count: number): Promise<string[]> {
  const office = await system.user('office');
  const deputy = await system.user('deputy001');
  const created = await system.service.create(deputy, {
    sessionId: system.directory.sessionId, title: '关于加快老旧小区改造的建议', content: '建议加快改造进度。', category: '环资城建', duringSession: true, agreesToDisclosure: true,
  });
  await system.service.sendEvent(deputy, created.id, { type: 'SUBMIT' });
  await system.service.sendEvent(office, created.id, { type: 'ACCEPT' });
  const unit = system.directory.unitIds[6];
  await system.service.sendEvent(office, created.id, { type: 'ASSIGN', mode: 'LEAD_WITH_CO_UNITS', leadUnitId: unit, unitIds: [unit] });
  const rows: Array<{ id: string }> = await system.dataSource.query(
    `WITH ids AS (SELECT gen_random_uuid() AS id FROM generate_series(1, $2)),
          copies AS (
            INSERT INTO workflow_instances (id, jurisdiction_id, workflow, machine_version, snapshot, version, last_event_hash, created_at, updated_at)
            SELECT ids.id, wi.jurisdiction_id, wi.workflow, wi.machine_version, wi.snapshot, wi.version, wi.last_event_hash, now(), now()
              FROM ids, workflow_instances wi WHERE wi.id = $1 RETURNING id)
     INSERT INTO suggestions (id, jurisdiction_id, session_id, title, content, category, during_session, lead_deputy_id, delegation_id,
                              agrees_to_disclosure, requests_confidentiality, state, round, overdue, is_key)
     SELECT ids.id, s.jurisdiction_id, s.session_id, s.title, s.content, s.category, s.during_session, s.lead_deputy_id, s.delegation_id,
            s.agrees_to_disclosure, s.requests_confidentiality, s.state, s.round, s.overdue, s.is_key
       FROM ids, suggestions s WHERE s.id = $1 RETURNING id`,
    [created.id, count],
  );
  return rows.map((row) => row.id);
}

/** BullMQ alone: as many delayed no-op jobs, all due at one instant, on a worker of the same concurrency. */
async function bullmqNoop(system: BenchSystem, count: number, connection: QueueService['connection']): Promise<number> {
  const name = 'bench-noop';
  const prefix = `${system.config.QUEUE_PREFIX}-noop`;
  const queue = new Queue(name, { connection, prefix });
  let done = 0;
  let finished!: () => void;
  const allDone = new Promise<void>((resolve) => (finished = resolve));
  const worker = new Worker(name, async () => undefined, { connection: connection.duplicate(), prefix, concurrency: CONCURRENCY, autorun: false });
  worker.on('completed', () => ++done === count && finished());
  const at = Date.now() + 5_000 + count / 5;
  for (let from = 0; from < count; from += 1000) {
    await queue.addBulk(Array.from({ length: Math.min(1000, count - from) }, (_, i) => ({
      name: 'noop', data: { n: from + i }, opts: { delay: at - Date.now(), removeOnComplete: true },
    })));
  }
  void worker.run();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
  const started = Date.now();
  await allDone;
  const seconds = (Date.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return seconds;
}

/**
 * 100,000 deadlines whose reminders fall due at the same instant (an assignment meeting's batch shares one deadline):
 * the time from that instant until every reminder is recorded by the real worker's job handlers.
 */
export async function benchReminderStorm(system: BenchSystem, count: number): Promise<ReminderStormResult> {
  const ids = await instances(system, count);
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(system.config), { logger: ['error'] });
  const queues = worker.get(QueueService);
  try {
    const remindAt = Date.now() + 10_000 + count / 2;
    const rows: Array<{ id: string }> = await system.dataSource.query(
      `INSERT INTO deadlines (jurisdiction_id, workflow, instance_id, key, kind, unit_id, due_at, reminder_offsets_days, status, opened_at)
       SELECT $1, 'suggestion', id, 'STORM_REPLY', 'REPLY', $2, $3, '{1}', 'OPEN', now() - interval '30 days' FROM unnest($4::uuid[]) AS id RETURNING id`,
      [system.directory.jurisdictionId, system.directory.unitIds[6], new Date(remindAt + DAY_MS), ids],
    );
    // Only the reminder timers: the due timers lie a day later and take no part in the storm.
    await queues.enqueueMany(rows.map((row) => ({
      name: JobName.DEADLINE_REMIND, data: { deadlineId: row.id, offsetDays: 1 }, jobId: reminderJobId(row.id, 1), delayMs: remindAt - Date.now(),
    })));
    await worker.get(JobRunner).start(CONCURRENCY);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, remindAt - Date.now())));
    const started = Date.now();
    const recorded = async () => Number((await system.dataSource.query(
      `SELECT count(*) AS n FROM deadline_firings f JOIN deadlines d ON d.id = f.deadline_id WHERE d.key = 'STORM_REPLY'`,
    ))[0].n);
    await profiled('storm-reminders', async () => {
      while ((await recorded()) < count) await new Promise((resolve) => setTimeout(resolve, 200));
    });
    const engineSeconds = (Date.now() - started) / 1000;
    // The deliveries the reminders queued run on the same worker: a storm is over once they are in the inboxes too.
    const undelivered = async () => Number((await system.dataSource.query(
      `SELECT count(*) AS n FROM outbox_messages WHERE jurisdiction_id = $1 AND template = 'DEADLINE_REMINDER' AND status <> 'DELIVERED'`,
      [system.directory.jurisdictionId],
    ))[0].n);
    while ((await undelivered()) > 0) await new Promise((resolve) => setTimeout(resolve, 200));
    const deliveredSeconds = (Date.now() - started) / 1000;
    const [check] = await system.dataSource.query(
      `SELECT count(*)::int AS messages, count(DISTINCT dedupe_key)::int AS distinct_keys FROM outbox_messages WHERE jurisdiction_id = $1 AND template = 'DEADLINE_REMINDER'`,
      [system.directory.jurisdictionId],
    );
    await worker.get(JobRunner).stop();
    const bullmqNoopSeconds = await bullmqNoop(system, count, queues.connection);
    return {
      deadlines: count, engineSeconds: +engineSeconds.toFixed(1), deliveredSeconds: +deliveredSeconds.toFixed(1), bullmqNoopSeconds: +bullmqNoopSeconds.toFixed(1),
      ratio: +(engineSeconds / bullmqNoopSeconds).toFixed(1), duplicates: check.messages - check.distinct_keys, missing: count - check.messages,
    };
  } finally {
    await Promise.all(['deadlines', 'notifications', 'maintenance'].map((name) => queues.queue(name as never).obliterate({ force: true }).catch(() => undefined)));
    await worker.close();
  }
}
