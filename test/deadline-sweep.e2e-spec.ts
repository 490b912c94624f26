import { DeadlineEntity, DeadlineStatus, reminderJobId } from '@app/deadlines';
import { JobRunner, QueueName, QueueService } from '@app/persistence';
import { DEADLINES_RESTORED_MARKER, ReconcileJob } from '@app/workflow-engine';
import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { endOpenDeadlines, suggestionFixtures } from './support/suggestion-fixtures';
import { wipeQueueKeys } from './support/queue-keys';
import { startTestSystem, TestSystem } from './support/test-system';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

interface Reminder {
  deadline: DeadlineEntity;
  offsetDays: number;
  jobId: string;
  at: number;
}

describe('the periodic sweep and the restored-marker', () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let reminders: Reminder[];

  const queues = () => system.worker.get(QueueService);
  const reconciler = () => system.worker.get(ReconcileJob);
  const deadlineJobs = () => queues().queue(QueueName.DEADLINES);
  const recorded = async (reminder: Reminder) => {
    const [row] = await system.dataSource.query(
      `SELECT (SELECT count(*)::int FROM deadline_firings WHERE deadline_id = $1 AND firing = $2) AS firings,
              (SELECT count(*)::int FROM outbox_messages WHERE dedupe_key = $3) AS messages`,
      [reminder.deadline.id, `REMIND_${reminder.offsetDays}`, `reminder_${reminder.deadline.id}_${reminder.offsetDays}`],
    );
    return row as { firings: number; messages: number };
  };

  beforeAll(async () => {
    // The tests run the reconciler themselves; the worker runs the jobs it hands to the queue.
    system = await startTestSystem();
    directory = await seedDirectory(system.dataSource, { code: 'sweep', name: '巡检县', deputies: 3 });
    const fixtures = suggestionFixtures(system, directory);
    const ids = await fixtures.newAcceptedSuggestions(3);
    const unit = directory.unitIds[6];
    // Assigned four days apart, so each reply deadline's reminder falls at its own instant.
    for (const id of ids) {
      await fixtures.send('office', id, { type: 'ASSIGN', mode: 'LEAD_WITH_CO_UNITS', leadUnitId: unit, unitIds: [unit] });
      system.clock.advanceDays(4);
    }
    const open = await system.dataSource.getRepository(DeadlineEntity).find({
      where: { jurisdictionId: directory.jurisdictionId, status: DeadlineStatus.OPEN, kind: 'REPLY' },
      order: { dueAt: 'ASC' },
    });
    reminders = open.map((deadline) => {
      const offsetDays = Math.max(...deadline.reminderOffsetsDays);
      return { deadline, offsetDays, jobId: reminderJobId(deadline.id, offsetDays), at: deadline.dueAt.getTime() - offsetDays * DAY_MS };
    });
    expect(reminders).toHaveLength(3);
    await system.reconcile();
    await system.drainQueues();
  });

  afterAll(async () => {
    if (!system) return;
    await endOpenDeadlines(system, directory.jurisdictionId);
    await system.close();
  });

  it('hands a reminder whose job was lost back to the queue within one interval of its moment, and it goes out once', async () => {
    const [lost] = reminders;
    expect(await queues().hasMarker(DEADLINES_RESTORED_MARKER)).toBe(true);
    await deadlineJobs().remove(lost.jobId);
    expect(await deadlineJobs().getJob(lost.jobId)).toBeUndefined();

    system.clock.set(new Date(lost.at + 60_000));
    const report = await reconciler().sweep();
    expect(report).toMatchObject({ mode: 'sweep', failed: 0 });
    expect(report.jobsQueued).toBeGreaterThanOrEqual(1);
    await system.drainQueues();
    expect(await recorded(lost)).toEqual({ firings: 1, messages: 1 });

    // Swept again, nothing is sent twice.
    await reconciler().sweep();
    await system.drainQueues();
    expect(await recorded(lost)).toEqual({ firings: 1, messages: 1 });
  });

  it('fires here a reminder still unsent a whole interval after its moment (its job failed or is gone)', async () => {
    const [, stale] = reminders;
    await deadlineJobs().remove(stale.jobId);
    system.clock.set(new Date(stale.at + 2 * HOUR_MS));
    const report = await reconciler().sweep();
    expect(report.firedNow).toBeGreaterThanOrEqual(1);
    expect(await recorded(stale)).toEqual({ firings: 1, messages: 1 });
    expect((await reconciler().sweep()).firedNow).toBe(0);
  });

  it('restores every job once the queue store lost its data (the marker is gone), and the sweep takes over again', async () => {
    const [, , future] = reminders;
    system.clock.set(new Date(future.at - HOUR_MS));
    const runner = system.worker.get(JobRunner);
    await runner.stop();
    await wipeQueueKeys(queues());
    expect(await queues().hasMarker(DEADLINES_RESTORED_MARKER)).toBe(false);
    expect(await deadlineJobs().getJob(future.jobId)).toBeUndefined();

    // The periodic job itself, as its schedule runs it.
    await reconciler().handle();
    await runner.start(4);
    const job = await deadlineJobs().getJob(future.jobId);
    expect({ delayed: await job?.isDelayed(), delay: job?.delay }).toEqual({ delayed: true, delay: HOUR_MS });
    expect(await queues().hasMarker(DEADLINES_RESTORED_MARKER)).toBe(true);

    await deadlineJobs().remove(future.jobId);
    await reconciler().handle();
    // With the marker there, the periodic run only sweeps what is due: a job for a reminder still to come is not recreated.
    expect(await deadlineJobs().getJob(future.jobId)).toBeUndefined();
    system.clock.set(new Date(future.at + 1000));
    await reconciler().handle();
    await system.drainQueues();
    expect(await recorded(future)).toEqual({ firings: 1, messages: 1 });
  });
});

describe('the worker notices lost periodic schedules', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem({ env: { RECONCILE_INTERVAL_MS: '1000' } });
  });

  afterAll(async () => system?.close());

  it('re-creates them after the queue store was wiped, and the reconcile they run puts the marker back', async () => {
    const queues = system.worker.get(QueueService);
    const maintenance = queues.queue(QueueName.MAINTENANCE);
    const waitFor = async (what: string, check: () => Promise<boolean>) => {
      for (let attempt = 0; attempt < 200; attempt++) {
        if (await check()) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`timed out waiting for ${what}`);
    };
    await waitFor('the first restore', () => queues.hasMarker(DEADLINES_RESTORED_MARKER));
    await wipeQueueKeys(queues);
    expect(await maintenance.getJobScheduler('reconcile-periodically')).toBeUndefined();

    await waitFor('the schedule', async () => (await maintenance.getJobScheduler('reconcile-periodically')) !== undefined);
    await waitFor('the marker', () => queues.hasMarker(DEADLINES_RESTORED_MARKER));
  });
});
