import { DeadlineEntity, DeadlineStatus, dueJobId, reminderJobId } from '@app/deadlines';
import { DeliverOutboxJob } from '@app/notifications';
import { JobOutcome, JobRunner, QueueName, QueueService } from '@app/persistence';
import { DeadlineDueJob, DeadlineRemindJob, ReconcileReport } from '@app/workflow-engine';
import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { endOpenDeadlines, suggestionFixtures } from './support/suggestion-fixtures';
import { prefixKeys } from './support/queue-keys';
import { startTestSystem, TestSystem } from './support/test-system';

const DAY_MS = 86_400_000;

interface ExpectedJob {
  jobId: string;
  deadlineId: string;
  /** REMIND_<days> or PASSED */
  firing: string;
  at: number;
}

async function openDeadlines(system: TestSystem, jurisdictionId: string): Promise<DeadlineEntity[]> {
  return system.dataSource.getRepository(DeadlineEntity).find({ where: { jurisdictionId, status: DeadlineStatus.OPEN }, order: { dueAt: 'ASC' } });
}

/** The timers a deadline row stands for: its due moment, and each reminder that falls after it opened. */
function timersOf(deadlines: DeadlineEntity[]): ExpectedJob[] {
  return deadlines.flatMap((deadline) => [
    { jobId: dueJobId(deadline.id), deadlineId: deadline.id, firing: 'PASSED', at: deadline.dueAt.getTime() },
    ...deadline.reminderOffsetsDays
      .map((offset) => ({
        jobId: reminderJobId(deadline.id, offset),
        deadlineId: deadline.id,
        firing: `REMIND_${offset}`,
        at: deadline.dueAt.getTime() - offset * DAY_MS,
      }))
      .filter((job) => job.at >= deadline.openedAt.getTime()),
  ]);
}

describe('deadlines survive a wiped Redis and a restarted worker', () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let timers: ExpectedJob[];

  const queue = () => system.worker.get(QueueService).queue(QueueName.DEADLINES);
  /** The worker runs a reconcile of its own as it starts (the job scheduler's first run): wait until it is done. */
  const maintenanceIdle = async () => {
    const maintenance = system.worker.get(QueueService).queue(QueueName.MAINTENANCE);
    for (let attempt = 0; attempt < 1200; attempt++) {
      const counts = await maintenance.getJobCounts('waiting', 'active', 'prioritized');
      if (Object.values(counts).every((count) => count === 0)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the worker did not finish its start-up reconcile');
  };
  const firings = async () =>
    (await system.dataSource.query(
      `SELECT f.deadline_id AS "deadlineId", f.firing FROM deadline_firings f JOIN deadlines d ON d.id = f.deadline_id WHERE d.jurisdiction_id = $1`,
      [directory.jurisdictionId],
    )) as Array<{ deadlineId: string; firing: string }>;

  /** Everything a firing leaves behind in this jurisdiction. */
  const activity = async () =>
    (
      await system.dataSource.query(
        `SELECT (SELECT count(*) FROM deadline_firings f JOIN deadlines d ON d.id = f.deadline_id WHERE d.jurisdiction_id = $1) AS firings,
                (SELECT count(*) FROM audit_events WHERE jurisdiction_id = $1) AS audit,
                (SELECT count(*) FROM outbox_messages WHERE jurisdiction_id = $1) AS outbox`,
        [directory.jurisdictionId],
      )
    )[0];

  beforeAll(async () => {
    system = await startTestSystem();
    directory = await seedDirectory(system.dataSource, { code: 'recovery', name: '恢复县', deputies: 6 });
    const fixtures = suggestionFixtures(system, directory);
    const ids = await fixtures.newAcceptedSuggestions(5);
    const [lead, co, other] = [directory.unitIds[6], directory.unitIds[5], directory.unitIds[4]];
    const office = await fixtures.user('office');
    // Two assignment dates, so the deadlines fall due on different days.
    await fixtures.service.batchAssign(office, {
      suggestionIds: ids.slice(0, 3),
      assignment: { mode: 'LEAD_WITH_CO_UNITS' as const, leadUnitId: lead, unitIds: [lead, co] },
    });
    system.clock.advanceDays(4);
    await fixtures.service.batchAssign(office, {
      suggestionIds: ids.slice(3),
      assignment: { mode: 'SEPARATE' as const, unitIds: [lead, other] },
    });
    timers = timersOf(await openDeadlines(system, directory.jurisdictionId));
  });

  afterAll(async () => {
    if (!system) return;
    await endOpenDeadlines(system, directory.jurisdictionId);
    await system.close();
  });

  it('recreates every pending deadline job from the tables after Redis lost them', async () => {
    const now = system.clock.now().getTime();
    const pending = timers.filter((t) => t.at > now);
    for (const timer of pending) expect(await queue().getJob(timer.jobId)).toBeDefined();

    // The worker stops (letting running jobs finish), Redis loses this system's keys (only ours: other test runs
    // may share the server), and the worker starts again with its start-up reconcile.
    const runner = system.worker.get(JobRunner);
    await runner.stop();
    const keys = await prefixKeys(system.worker.get(QueueService));
    expect(keys.length).toBeGreaterThan(0);
    await system.worker.get(QueueService).connection.del(...keys);
    expect(await prefixKeys(system.worker.get(QueueService))).toEqual([]);
    for (const timer of pending) expect(await queue().getJob(timer.jobId)).toBeUndefined();
    await runner.start(4);
    await system.reconcile();
    await maintenanceIdle();
    await system.drainQueues();

    for (const timer of pending) {
      const job = await queue().getJob(timer.jobId);
      expect({ jobId: timer.jobId, delayed: await job?.isDelayed(), delay: job?.delay }).toEqual({
        jobId: timer.jobId,
        delayed: true,
        delay: timer.at - now,
      });
    }
    // A reminder whose moment came while the jobs were lost went out at once, exactly once.
    const missed = timers.filter((t) => t.at <= now);
    expect(missed.length).toBeGreaterThan(0);
    expect((await firings()).map((f) => `${f.deadlineId}_${f.firing}`).sort()).toEqual(missed.map((t) => `${t.deadlineId}_${t.firing}`).sort());
  });

  it('fires each recreated reminder once and escalates each deadline once as the clock reaches them', async () => {
    const instants = [...new Set(timers.map((t) => t.at))].filter((at) => at > system.clock.now().getTime()).sort((a, b) => a - b);
    for (const instant of instants) {
      system.clock.set(new Date(instant + 1000));
      // What BullMQ does when a delay runs out: the job runs now, on the worker, next to its siblings.
      for (const timer of timers.filter((t) => t.at === instant)) {
        const job = await queue().getJob(timer.jobId);
        if (job && (await job.isDelayed())) await job.promote();
      }
      await system.drainQueues();
      // The recreated jobs did all the work: the sweep after them finds nothing of ours left to fire.
      const before = await activity();
      await system.reconcile();
      expect({ instant: new Date(instant).toISOString(), ...(await activity()) }).toEqual({ instant: new Date(instant).toISOString(), ...before });
    }
    await system.drainQueues();

    const fired = await firings();
    expect(fired).toHaveLength(new Set(fired.map((f) => `${f.deadlineId}_${f.firing}`)).size);
    const reminders: Array<{ dedupeKey: string }> = await system.dataSource.query(
      `SELECT dedupe_key AS "dedupeKey" FROM outbox_messages WHERE jurisdiction_id = $1 AND template = 'DEADLINE_REMINDER'`,
      [directory.jurisdictionId],
    );
    const reminderTimers = timers.filter((t) => t.firing !== 'PASSED');
    expect(reminders.map((r) => r.dedupeKey).sort()).toEqual(
      reminderTimers.map((t) => `reminder_${t.deadlineId}_${t.firing.replace('REMIND_', '')}`).sort(),
    );

    const deadlineIds = [...new Set(timers.map((t) => t.deadlineId))];
    const passed: Array<{ key: string; instanceId: string }> = await system.dataSource.query(
      `SELECT payload->>'deadlineKey' AS key, instance_id AS "instanceId" FROM audit_events WHERE jurisdiction_id = $1 AND event_type = 'DEADLINE_PASSED'`,
      [directory.jurisdictionId],
    );
    const rows = await system.dataSource.getRepository(DeadlineEntity).findBy({ jurisdictionId: directory.jurisdictionId });
    expect(rows.filter((r) => deadlineIds.includes(r.id)).map((r) => r.status)).toEqual(deadlineIds.map(() => 'PASSED'));
    expect(passed.map((p) => `${p.instanceId}_${p.key}`).sort()).toEqual(rows.map((r) => `${r.instanceId}_${r.key}`).sort());
    expect(await openDeadlines(system, directory.jurisdictionId)).toEqual([]);

    const overdue: Array<{ count: string }> = await system.dataSource.query(
      `SELECT count(*) AS count FROM notifications WHERE jurisdiction_id = $1 AND template = 'OVERDUE' AND user_id = $2`,
      [directory.jurisdictionId, directory.users.office],
    );
    // One per reply deadline: 3 lead-unit ones and 2 units × 2 separately handled ones.
    expect(Number(overdue[0].count)).toBe(rows.filter((r) => r.kind === 'REPLY').length);
    expect(rows.filter((r) => r.kind === 'REPLY')).toHaveLength(7);
  });

  it('keeps sweeping past a deadline it cannot handle (the worker awaits this sweep to start)', async () => {
    const fixtures = suggestionFixtures(system, directory);
    const [id] = await fixtures.newAcceptedSuggestions(1);
    const unit = directory.unitIds[6];
    await fixtures.send('office', id, { type: 'ASSIGN', mode: 'LEAD_WITH_CO_UNITS', leadUnitId: unit, unitIds: [unit] });
    const [window] = (await openDeadlines(system, directory.jurisdictionId)).filter((d) => d.instanceId === id && d.kind === 'ADJUSTMENT');
    // Sorted first by id: a row of a workflow this worker does not run (a newer release wrote it), already due.
    const poison = '00000000-0000-4000-8000-000000000000';
    await system.dataSource.query(
      `INSERT INTO deadlines (id, jurisdiction_id, workflow, instance_id, key, kind, unit_id, due_at, reminder_offsets_days, status, opened_at)
       VALUES ($1, $2, 'retired-workflow', $3, 'X', 'X', NULL, $4, '{1}', 'OPEN', $5)`,
      [poison, directory.jurisdictionId, id, system.clock.now(), new Date(system.clock.now().getTime() - 10 * DAY_MS)],
    );
    try {
      system.clock.set(new Date(window.dueAt.getTime() + 60_000));
      const report = (await system.reconcile()) as ReconcileReport;
      expect(report.failed).toBeGreaterThanOrEqual(1);
      const passed = await system.dataSource.query(
        `SELECT count(*)::int AS count FROM audit_events WHERE instance_id = $1 AND event_type = 'DEADLINE_PASSED' AND payload->>'deadlineKey' = $2`,
        [id, window.key],
      );
      expect(passed).toEqual([{ count: 1 }]);
    } finally {
      await system.dataSource.query('DELETE FROM deadlines WHERE id = $1', [poison]);
    }
  });
});

describe('a deadline job delivered more than once acts once', () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let suggestionId: string;
  let deadlines: DeadlineEntity[];
  const [lead, co] = [6, 5];

  const deadline = (key: string) => deadlines.find((d) => d.key === key)!;
  const passedEvents = async (key: string) =>
    (
      await system.dataSource.query(
        `SELECT count(*) AS count FROM audit_events WHERE instance_id = $1 AND event_type = 'DEADLINE_PASSED' AND payload->>'deadlineKey' = $2`,
        [suggestionId, key],
      )
    )[0].count as string;
  const outboxOf = async (template: string) =>
    (await system.dataSource.query(`SELECT id, dedupe_key AS "dedupeKey" FROM outbox_messages WHERE instance_id = $1 AND template = $2`, [
      suggestionId,
      template,
    ])) as Array<{ id: string; dedupeKey: string }>;
  const notificationsOf = async (outboxId: string) =>
    (await system.dataSource.query(`SELECT user_id AS "userId", count(*)::int AS count FROM notifications WHERE outbox_id = $1 GROUP BY user_id ORDER BY user_id`, [
      outboxId,
    ])) as Array<{ userId: string; count: number }>;
  const sorted = (outcomes: JobOutcome[]) => [...outcomes].sort();

  beforeAll(async () => {
    // No worker: the test is the only one delivering jobs, so it decides how often and how concurrently.
    system = await startTestSystem({ withWorker: false });
    directory = await seedDirectory(system.dataSource, { code: 'redelivery', name: '重投县', deputies: 3 });
    const fixtures = suggestionFixtures(system, directory);
    [suggestionId] = await fixtures.newAcceptedSuggestions(1);
    const [leadUnit, coUnit] = [directory.unitIds[lead], directory.unitIds[co]];
    await fixtures.send('office', suggestionId, { type: 'ASSIGN', mode: 'LEAD_WITH_CO_UNITS', leadUnitId: leadUnit, unitIds: [leadUnit, coUnit] });
    deadlines = await openDeadlines(system, directory.jurisdictionId);
  });

  afterAll(async () => {
    if (!system) return;
    await endOpenDeadlines(system, directory.jurisdictionId);
    await system.close();
  });

  it('does nothing for a due or reminder job that arrives before its time by the clock of record', async () => {
    const reply = deadline(`REPLY_${directory.unitIds[lead]}`);
    system.clock.set(new Date(reply.dueAt.getTime() - 60_000 - 40 * DAY_MS));
    expect(await system.worker.get(DeadlineDueJob).handle({ deadlineId: reply.id })).toBe(JobOutcome.SKIPPED);
    expect(await system.worker.get(DeadlineRemindJob).handle({ deadlineId: reply.id, offsetDays: 30 })).toBe(JobOutcome.SKIPPED);
    expect(await passedEvents(reply.key)).toBe('0');
    expect(await outboxOf('DEADLINE_REMINDER')).toEqual([]);
  });

  it('passes both adjustment windows when their jobs, due together, run at the same moment', async () => {
    const windows = deadlines.filter((d) => d.kind === 'ADJUSTMENT');
    expect(windows).toHaveLength(2);
    expect(windows[0].dueAt).toEqual(windows[1].dueAt);
    system.clock.set(new Date(windows[0].dueAt.getTime() + 60_000));
    const due = system.worker.get(DeadlineDueJob);
    const outcomes = await Promise.all(windows.map((w) => due.handle({ deadlineId: w.id })));
    expect(outcomes).toEqual([JobOutcome.DONE, JobOutcome.DONE]);
    for (const window of windows) expect(await passedEvents(window.key)).toBe('1');
  });

  it('writes one reminder for a reminder job delivered four times, three of them at once', async () => {
    const reply = deadline(`REPLY_${directory.unitIds[lead]}`);
    system.clock.set(new Date(reply.dueAt.getTime() - DAY_MS + 60_000));
    const remind = system.worker.get(DeadlineRemindJob);
    const job = { deadlineId: reply.id, offsetDays: 1 };
    const outcomes = [...(await Promise.all([remind.handle(job), remind.handle(job), remind.handle(job)])), await remind.handle(job)];
    expect(sorted(outcomes)).toEqual([JobOutcome.DONE, JobOutcome.SKIPPED, JobOutcome.SKIPPED, JobOutcome.SKIPPED]);
    const reminders = await outboxOf('DEADLINE_REMINDER');
    expect(reminders.map((r) => r.dedupeKey)).toEqual([`reminder_${reply.id}_1`]);
  });

  it('delivers an outbox message delivered three times, two of them at once, to each recipient once', async () => {
    const [reminder] = await outboxOf('DEADLINE_REMINDER');
    const deliver = system.worker.get(DeliverOutboxJob);
    const outcomes = [...(await Promise.all([deliver.handle({ outboxId: reminder.id }), deliver.handle({ outboxId: reminder.id })])), await deliver.handle({ outboxId: reminder.id })];
    expect(sorted(outcomes)).toEqual([JobOutcome.DONE, JobOutcome.SKIPPED, JobOutcome.SKIPPED]);
    const unitUsers = [directory.users['jtj-staff'], directory.users['jtj-head']].sort();
    expect(await notificationsOf(reminder.id)).toEqual(unitUsers.map((userId) => ({ userId, count: 1 })));
  });

  it('escalates once for a due job delivered four times, three of them at once', async () => {
    const reply = deadline(`REPLY_${directory.unitIds[lead]}`);
    system.clock.set(new Date(reply.dueAt.getTime() + 60_000));
    const due = system.worker.get(DeadlineDueJob);
    const job = { deadlineId: reply.id };
    const outcomes = [...(await Promise.all([due.handle(job), due.handle(job), due.handle(job)])), await due.handle(job)];
    expect(sorted(outcomes)).toEqual([JobOutcome.DONE, JobOutcome.SKIPPED, JobOutcome.SKIPPED, JobOutcome.SKIPPED]);
    expect(await passedEvents(reply.key)).toBe('1');
    const [escalation, ...more] = await outboxOf('OVERDUE');
    expect(more).toEqual([]);

    const deliver = system.worker.get(DeliverOutboxJob);
    await Promise.all([deliver.handle({ outboxId: escalation.id }), deliver.handle({ outboxId: escalation.id })]);
    expect(await notificationsOf(escalation.id)).toEqual([{ userId: directory.users.office, count: 1 }]);
  });
});
