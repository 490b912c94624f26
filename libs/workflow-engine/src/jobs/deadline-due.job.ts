import { Injectable, Logger } from '@nestjs/common';
import { Clock, JobName, JobOutcome, JobPayloads, OnJob } from '@app/persistence';
import { DeadlineRepository, DeadlineStatus } from '@app/deadlines';
import { SYSTEM_ACTOR } from '@app/workflows/common/actor';
import { WorkflowException, WorkflowExceptionCode } from '../exceptions/workflow.exception';
import { WorkflowEngine } from '../services/workflow-engine.service';

/**
 * Losing the compare-and-swap is normal here: sibling deadlines of one instance fall due at the same instant
 * (every unit's adjustment window of one assignment), and a job may run twice at once. Each loss means another
 * event committed, so reloading makes progress; past this many, BullMQ's own retry takes over.
 */
const MAX_CONFLICT_RETRIES = 5;

/** A deadline passed: tell its instance with DEADLINE_PASSED; the machine decides what that means (escalation …). */
@Injectable()
export class DeadlineDueJob {
  private readonly logger = new Logger(DeadlineDueJob.name);

  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly engine: WorkflowEngine,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.DEADLINE_DUE)
  async handle({ deadlineId }: JobPayloads[JobName.DEADLINE_DUE]): Promise<JobOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.passOnce(deadlineId);
      } catch (error) {
        const conflict = error instanceof WorkflowException && error.code === WorkflowExceptionCode.VERSION_CONFLICT;
        if (!conflict || attempt > MAX_CONFLICT_RETRIES) throw error;
      }
    }
  }

  /** Reloads the row, so a retry after a lost compare-and-swap sees whether someone else passed it meanwhile. */
  private async passOnce(deadlineId: string): Promise<JobOutcome> {
    const deadline = await this.deadlines.findById(deadlineId);
    if (!deadline || deadline.status !== DeadlineStatus.OPEN) return JobOutcome.SKIPPED;
    // Not yet due by the clock of record: the reconciler fires it once it is.
    if (deadline.dueAt.getTime() > this.clock.now().getTime()) return JobOutcome.SKIPPED;
    try {
      await this.engine.apply({
        workflow: deadline.workflow,
        jurisdictionId: deadline.jurisdictionId,
        instanceId: deadline.instanceId,
        actor: SYSTEM_ACTOR,
        event: { type: 'DEADLINE_PASSED', deadlineKey: deadline.key },
      });
      return JobOutcome.DONE;
    } catch (error) {
      // The instance moved on in the meantime (the deadline closed with it): nothing is due any more.
      if (error instanceof WorkflowException && error.code !== WorkflowExceptionCode.VERSION_CONFLICT) {
        this.logger.debug(`Deadline ${deadlineId} skipped: ${error.message}`);
        return JobOutcome.SKIPPED;
      }
      throw error;
    }
  }
}
