import { DeadlineScheduler } from '@app/deadlines';
import { QueueService } from '@app/persistence';
import { seedDirectory, SeededDirectory } from '../../scripts/demo/seed-directory';
import { endOpenDeadlines } from '../support/suggestion-fixtures';
import { startTestSystem, TestSystem } from '../support/test-system';
import { assignedSuggestions, insertReminderDeadlines, recordedReminders, reminderCounts, spawnApp, stopChild, waitFor } from './support/fault-fixtures';

const REMINDERS = Number(process.env.FAULT_REMINDERS ?? 1_000);

jest.setTimeout(300_000);

describe(`the worker killed (SIGKILL) in the middle of ${REMINDERS} reminders`, () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  const children: Array<ReturnType<typeof spawnApp>> = [];

  beforeAll(async () => {
    // The api side only schedules; the reminders run in worker processes of their own, on the real clock.
    system = await startTestSystem({ now: new Date(), withWorker: false });
    directory = await seedDirectory(system.dataSource, { code: 'fault-worker-kill', name: '进程中断县', deputies: 4 });
  });

  afterAll(async () => {
    for (const { child } of children) await stopChild(child);
    if (!system) return;
    await endOpenDeadlines(system, directory.jurisdictionId);
    await system.close();
  });

  const startWorker = async () => {
    const worker = spawnApp('worker', {
      DATABASE_URL: process.env.TEST_DATABASE_URL as string,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: system.worker.get(QueueService).prefix,
      RECONCILE_INTERVAL_MS: '3600000',
    });
    children.push(worker);
    await worker.ready;
    return worker;
  };

  it('delivers each reminder exactly once after a second worker takes over', async () => {
    const instanceIds = await assignedSuggestions(system, directory, REMINDERS);
    const first = await startWorker();
    // Due in a few seconds of real time, so they start while the first worker runs.
    system.clock.set(new Date());
    const remindAt = new Date(Date.now() + 3_000);
    const deadlines = await insertReminderDeadlines(system.dataSource, {
      jurisdictionId: directory.jurisdictionId, unitId: directory.unitIds[6], instanceIds, remindAt,
    });
    await system.worker.get(DeadlineScheduler).schedule(deadlines);

    const recorded = () => recordedReminders(system.dataSource, directory.jurisdictionId);
    await waitFor('the first worker to be part-way', async () => (await recorded()) >= Math.ceil(REMINDERS / 5), { everyMs: 20 });
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const atKill = await recorded();
    expect(atKill).toBeLessThan(REMINDERS);

    // The second worker's start-up sweep sends what is due; the jobs the first held are retried as stalled and find them sent.
    await startWorker();
    await waitFor('every reminder recorded', async () => (await recorded()) >= REMINDERS, { timeoutMs: 240_000, everyMs: 500 });
    const undelivered = async () =>
      Number((await system.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox_messages WHERE jurisdiction_id = $1 AND template = 'DEADLINE_REMINDER' AND status <> 'DELIVERED'`,
        [directory.jurisdictionId],
      ))[0].n);
    await waitFor('every reminder delivered', async () => (await undelivered()) === 0, { timeoutMs: 120_000, everyMs: 500 });

    const counts = await reminderCounts(system.dataSource, deadlines.map((d) => d.id));
    expect(counts.firings.filter((n) => n !== 1)).toEqual([]);
    expect(counts.outbox.filter((n) => n !== 1)).toEqual([]);
    // Delivered once: one in-app notification per reminder and recipient, never two.
    const perMessage: Array<{ n: number }> = await system.dataSource.query(
      `SELECT count(n.id)::int AS n FROM outbox_messages o LEFT JOIN notifications n ON n.outbox_id = o.id
        WHERE o.jurisdiction_id = $1 AND o.template = 'DEADLINE_REMINDER' GROUP BY o.id`,
      [directory.jurisdictionId],
    );
    expect(perMessage).toHaveLength(REMINDERS);
    const recipients = new Set(perMessage.map((row) => row.n));
    expect(recipients.size).toBe(1);
    expect([...recipients][0]).toBeGreaterThan(0);
    console.log(`worker killed after ${atKill} of ${REMINDERS} reminders; all ${REMINDERS} delivered once`);
  });
});
