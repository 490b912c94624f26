import { Injectable, Logger } from '@nestjs/common';
import { Clock, JobName, JobOutcome, OnJob, QueueService } from '@app/persistence';
import { DeadlineRepository, DeadlineScheduler } from '@app/deadlines';
import { DeliverOutboxJob, OutboxRepository } from '@app/notifications';
import { DeadlineDueJob } from './deadline-due.job';
import { DeadlineRemindJob } from './deadline-remind.job';

const PAGE_SIZE = 500;
const DAY_MS = 86_400_000;

export interface ReconcileReport {
  deadlinesChecked: number;
  jobsRecreated: number;
  firedNow: number;
  outboxDelivered: number;
  /** Deadlines and messages that threw; logged and left for the next sweep. */
  failed: number;
}

/**
 * Makes Redis agree with the tables: every open deadline gets its jobs back, whatever is already due fires now,
 * and pending outbox messages are delivered. Runs at worker start and periodically; a wiped Redis loses nothing.
 */
@Injectable()
export class ReconcileJob {
  private readonly logger = new Logger(ReconcileJob.name);

  constructor(
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
    const report = await this.runOnce();
    this.logger.log(`Reconciled: ${JSON.stringify(report)}`);
    return JobOutcome.DONE;
  }

  async runOnce(): Promise<ReconcileReport> {
    const report: ReconcileReport = { deadlinesChecked: 0, jobsRecreated: 0, firedNow: 0, outboxDelivered: 0, failed: 0 };
    let afterId: string | null = null;
    for (;;) {
      const page = await this.deadlines.pageOpen(afterId, PAGE_SIZE);
      if (page.length === 0) break;
      afterId = page[page.length - 1].id;
      report.deadlinesChecked += page.length;
      // One row that cannot be handled (its workflow not loaded, its instance gone) must not stop the sweep, nor the worker's start.
      for (const deadline of page) {
        await this.reconcileDeadline(deadline, report).catch((error) => this.recordFailure(report, `deadline ${deadline.id}`, error));
      }
    }
    for (const outboxId of await this.outbox.pendingIds(10_000)) {
      try {
        if ((await this.deliverJob.handle({ outboxId })) === 'DONE') report.outboxDelivered++;
      } catch (error) {
        this.recordFailure(report, `outbox message ${outboxId}`, error);
      }
    }
    return report;
  }

  private recordFailure(report: ReconcileReport, what: string, error: unknown): void {
    report.failed++;
    this.logger.warn(`Reconciling ${what} failed; the next sweep tries again: ${(error as Error).message}`);
  }

  private async reconcileDeadline(
    deadline: { id: string; dueAt: Date; reminderOffsetsDays: number[]; openedAt: Date },
    report: ReconcileReport,
  ): Promise<void> {
    const now = this.clock.now().getTime();
    const due = new Date(deadline.dueAt).getTime();
    for (const offsetDays of deadline.reminderOffsetsDays) {
      const remindAt = due - offsetDays * DAY_MS;
      if (remindAt <= now && remindAt >= new Date(deadline.openedAt).getTime()) {
        if ((await this.remindJob.handle({ deadlineId: deadline.id, offsetDays })) === 'DONE') report.firedNow++;
      }
    }
    if (due <= now) {
      if ((await this.dueJob.handle({ deadlineId: deadline.id })) === 'DONE') report.firedNow++;
      return;
    }
    for (const job of this.scheduler.jobsFor(deadline)) {
      if ((job.delayMs ?? 0) <= 0) continue;
      if (!(await this.queues.exists(job.name, job.jobId))) {
        await this.queues.enqueue(job);
        report.jobsRecreated++;
      }
    }
  }
}
