import { DeadlineScheduler } from '@app/deadlines';
import { JobRunner, QueueName, QueueService } from '@app/persistence';
import { seedDirectory, SeededDirectory } from '../../scripts/demo/seed-directory';
import { endOpenDeadlines } from '../support/suggestion-fixtures';
import { prefixKeys, wipeQueueKeys } from '../support/queue-keys';
import { startTestSystem, TestSystem } from '../support/test-system';
import { assignedSuggestions, insertReminderDeadlines, PlannedDeadline, recordedReminders, reminderCounts, waitFor } from './support/fault-fixtures';

const DEADLINES = Number(process.env.FAULT_DEADLINES ?? 10_000);
const HOUR_MS = 3_600_000;

jest.setTimeout(420_000);

describe(`Redis wiped with ${DEADLINES} pending deadlines`, () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let deadlines: PlannedDeadline[];
  let remindAt: Date;

  const queues = () => system.worker.get(QueueService);
  const delayedJobs = async () => (await queues().queue(QueueName.DEADLINES).getJobCounts('delayed')).delayed;

  beforeAll(async () => {
    system = await startTestSystem({ now: new Date() });
    directory = await seedDirectory(system.dataSource, { code: 'fault-redis-wipe', name: '故障恢复县', deputies: 4 });
    const instanceIds = await assignedSuggestions(system, directory, DEADLINES);
    remindAt = new Date(system.clock.now().getTime() + HOUR_MS);
    deadlines = await insertReminderDeadlines(system.dataSource, {
      jurisdictionId: directory.jurisdictionId, unitId: directory.unitIds[6], instanceIds, remindAt,
    });
    await system.worker.get(DeadlineScheduler).schedule(deadlines);
  });

  afterAll(async () => {
    if (!system) return;
    await endOpenDeadlines(system, directory.jurisdictionId);
    await system.close();
  });

  it('restores every job from the tables and fires each reminder exactly once', async () => {
    // Each planned deadline has its due job and its reminder job, plus the template suggestion's own timers.
    expect(await delayedJobs()).toBeGreaterThanOrEqual(2 * DEADLINES);
    const runner = system.worker.get(JobRunner);
    await runner.stop();
    await wipeQueueKeys(queues());
    expect(await prefixKeys(queues())).toEqual([]);
    await runner.start(4);

    const report = (await system.reconcile()) as { firedNow: number; failed: number };
    expect(report.failed).toBe(0);
    expect(report.firedNow).toBe(0);
    // The worker's own start-up sweep may run beside this one and recreate part of them: count the jobs, not the reports.
    expect(await delayedJobs()).toBeGreaterThanOrEqual(2 * DEADLINES);
    for (const deadline of [deadlines[0], deadlines[DEADLINES - 1]]) {
      const job = await queues().queue(QueueName.DEADLINES).getJob(`remind_${deadline.id}_1`);
      expect(job?.delay).toBe(remindAt.getTime() - system.clock.now().getTime());
    }

    // The reminders' moment comes: what BullMQ does when the delays run out, for all of them at once.
    system.clock.set(new Date(remindAt.getTime() + 1000));
    await queues().queue(QueueName.DEADLINES).promoteJobs();
    await waitFor('every reminder recorded', async () => (await recordedReminders(system.dataSource, directory.jurisdictionId)) >= DEADLINES, {
      timeoutMs: 300_000, everyMs: 1000,
    });
    await system.drainQueues();
    // A sweep after the jobs finds nothing left to fire.
    const again = (await system.reconcile()) as { firedNow: number };
    expect(again.firedNow).toBe(0);

    const counts = await reminderCounts(system.dataSource, deadlines.map((d) => d.id));
    expect(counts.firings.filter((n) => n !== 1)).toEqual([]);
    expect(counts.outbox.filter((n) => n !== 1)).toEqual([]);
    expect(await recordedReminders(system.dataSource, directory.jurisdictionId)).toBe(DEADLINES);
    const failed = await queues().queue(QueueName.DEADLINES).getJobCounts('failed');
    expect(failed.failed).toBe(0);
  });
});
