import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, EnqueueRequest, JobName, JobOutcome, OnJob, QueueService } from '@app/persistence';
import { DeadlineRepository, DeadlineScheduler, dueJobId, reminderJobId } from '@app/deadlines';
import { DeliverOutboxJob, OutboxRepository } from '@app/notifications';
import { DeadlineDueJob } from './deadline-due.job';
import { DeadlineRemindJob } from './deadline-remind.job';

const PAGE_SIZE = 500;
/** Due timers one periodic sweep takes on, of each kind: a storm's backlog cannot make one sweep run long. */
const SWEEP_LIMIT = 1_000;
/** Pending outbox messages the full restore delivers itself. */
const RESTORE_OUTBOX_LIMIT = 10_000;
/** Written to the queue store after a full restore; its absence means the store lost its data since. */
export const DEADLINES_RESTORED_MARKER = 'deadlines-restored';

export interface ReconcileReport {
  /** `restore`: every open deadline's jobs checked (start, or the queue store lost its data); `sweep`: only what is due. */
  mode: 'restore' | 'sweep';
  deadlinesChecked: number;
  jobsRecreated: number;
  /** Due timers handed to the queue under their own job id (a no-op where the job is still there). */
  jobsQueued: number;
  firedNow: number;
  outboxDelivered: number;
  /** Deadlines and messages that threw; logged and left for the next sweep. */
  failed: number;
}

type DueReminder = { deadlineId: string; offsetDays: number; at: Date };
type DuePassing = { deadlineId: string; at: Date };

/**
 * Makes Redis agree with the tables. The full restore (at worker start, and when the restored-marker is gone) gives
 * every open deadline its jobs back, fires whatever is already due and delivers pending outbox messages. The periodic
 * sweep asks PostgreSQL only for what is due and not yet acted on: timers that fell due within the last interval go to
 * the queue under their deterministic job id (recreating a lost job, a no-op for one still there); older ones, whose
 * job has evidently failed or gone, fire here. Either way nothing fires twice: each firing is claimed once.
 */
@Injectable()
export class ReconcileJob {
  private readonly logger = new Logger(ReconcileJob.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deadlines: DeadlineRepository,
    private readonly scheduler: DeadlineScheduler,
    private readonly queues: QueueService,
    private readonly outbox: OutboxRepository,
    private readonly dueJob: DeadlineDueJob,
    private readonly remindJob: DeadlineRemindJob,
    private readonly deliverJob: DeliverOutboxJob,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.RECONCILE)
  async handle(): Promise<JobOutcome> {
    const restored = await this.queues.hasMarker(DEADLINES_RESTORED_MARKER);
    const report = restored ? await this.sweep() : await this.runOnce();
    this.logger.log(`Reconciled: ${JSON.stringify(report)}`);
    return JobOutcome.DONE;
  }

  /** The full restore. The marker goes in last, so a restore cut short is done again by the next run. */
  async runOnce(): Promise<ReconcileReport> {
    const report = emptyReport('restore');
    await this.recreateFutureJobs(report);
    await this.fireAllDue(report);
    await this.deliverPending(report, RESTORE_OUTBOX_LIMIT);
    await this.queues.setMarker(DEADLINES_RESTORED_MARKER);
    return report;
  }

  /** The periodic sweep: what is due and not acted on, from SQL, in bounded batches. */
  async sweep(): Promise<ReconcileReport> {
    const report = emptyReport('sweep');
    const now = this.clock.now();
    const staleBefore = now.getTime() - this.config.RECONCILE_INTERVAL_MS;
    const reminders = await this.deadlines.dueUnfiredReminders(now, SWEEP_LIMIT);
    const passings = await this.deadlines.dueOpen(now, SWEEP_LIMIT);
    report.deadlinesChecked = reminders.length + passings.length;
    const isStale = (timer: { at: Date }) => new Date(timer.at).getTime() < staleBefore;
    const queued: EnqueueRequest<JobName>[] = [
      ...reminders.filter((r) => !isStale(r)).map(({ deadlineId, offsetDays }) => ({
        name: JobName.DEADLINE_REMIND, data: { deadlineId, offsetDays }, jobId: reminderJobId(deadlineId, offsetDays),
      })),
      ...passings.filter((p) => !isStale(p)).map(({ deadlineId }) => ({ name: JobName.DEADLINE_DUE, data: { deadlineId }, jobId: dueJobId(deadlineId) })),
    ];
    await this.queues.enqueueMany(queued);
    report.jobsQueued = queued.length;
    await this.fire(reminders.filter(isStale), passings.filter(isStale), report);
    await this.deliverPending(report, SWEEP_LIMIT, new Date(staleBefore));
    return report;
  }

  /** Every open deadline's timers still to come, re-created where the queue lacks them; a page's checks go at once. */
  private async recreateFutureJobs(report: ReconcileReport): Promise<void> {
    for (let afterId: string | null = null; ;) {
      const page = await this.deadlines.pageOpen(afterId, PAGE_SIZE);
      if (page.length === 0) return;
      afterId = page[page.length - 1].id;
      report.deadlinesChecked += page.length;
      const future = page.flatMap((deadline) => this.scheduler.jobsFor(deadline)).filter((job) => (job.delayMs ?? 0) > 0);
      try {
        const missing = (await Promise.all(future.map(async (job) => ((await this.queues.exists(job.name, job.jobId)) ? [] : [job])))).flat();
        await this.queues.enqueueMany(missing);
        report.jobsRecreated += missing.length;
      } catch (error) {
        this.recordFailure(report, `the jobs of ${page.length} deadlines after ${page[0].id}`, error);
      }
    }
  }

  /** Fires everything due, batch by batch, until a batch makes no progress (only rows that cannot be handled left). */
  private async fireAllDue(report: ReconcileReport): Promise<void> {
    const now = this.clock.now();
    for (;;) {
      const reminders = await this.deadlines.dueUnfiredReminders(now, PAGE_SIZE);
      const passings = await this.deadlines.dueOpen(now, PAGE_SIZE);
      const before = report.firedNow;
      await this.fire(reminders, passings, report);
      if ((reminders.length < PAGE_SIZE && passings.length < PAGE_SIZE) || report.firedNow === before) return;
    }
  }

  /**
   * Reminders first (the remind job batches those running side by side), then passings one by one: sibling deadlines
   * of one instance pass through its compare-and-swap. One row that cannot be handled must not stop the rest.
   */
  private async fire(reminders: DueReminder[], passings: DuePassing[], report: ReconcileReport): Promise<void> {
    const count = (outcome: JobOutcome) => outcome === JobOutcome.DONE && report.firedNow++;
    await Promise.all(reminders.map(({ deadlineId, offsetDays }) =>
      this.remindJob.handle({ deadlineId, offsetDays }).then(count, (error) => this.recordFailure(report, `deadline ${deadlineId}`, error))));
    for (const { deadlineId } of passings) {
      await this.dueJob.handle({ deadlineId }).then(count, (error) => this.recordFailure(report, `deadline ${deadlineId}`, error));
    }
  }

  /** All at once: the delivery job batches the messages handed to it side by side. */
  private async deliverPending(report: ReconcileReport, limit: number, createdBefore?: Date): Promise<void> {
    const count = (outcome: JobOutcome) => outcome === JobOutcome.DONE && report.outboxDelivered++;
    await Promise.all((await this.outbox.pendingIds(limit, createdBefore)).map((outboxId) =>
      this.deliverJob.handle({ outboxId }).then(count, (error) => this.recordFailure(report, `outbox message ${outboxId}`, error))));
  }

  private recordFailure(report: ReconcileReport, what: string, error: unknown): void {
    report.failed++;
    this.logger.warn(`Reconciling ${what} failed; the next sweep tries again: ${(error as Error).message}`);
  }
}

function emptyReport(mode: ReconcileReport['mode']): ReconcileReport {
  return { mode, deadlinesChecked: 0, jobsRecreated: 0, jobsQueued: 0, firedNow: 0, outboxDelivered: 0, failed: 0 };
}
