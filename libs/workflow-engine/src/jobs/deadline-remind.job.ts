import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, JobName, JobOutcome, JobPayloads, OnJob, QueueService } from '@app/persistence';
import { DeadlineRepository, DeadlineStatus, reminderFiring } from '@app/deadlines';
import { DEADLINE_LABELS, OutboxRepository } from '@app/notifications';
import { WorkflowEngine } from '../services/workflow-engine.service';
import { WorkflowRegistry } from '../services/workflow-registry.service';

const DAY_MS = 86_400_000;

/** Sends one reminder of one deadline, once: the firing row is claimed in the same transaction as the outbox row. */
@Injectable()
export class DeadlineRemindJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineRepository,
    private readonly engine: WorkflowEngine,
    private readonly registry: WorkflowRegistry,
    private readonly outbox: OutboxRepository,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.DEADLINE_REMIND)
  async handle({ deadlineId, offsetDays }: JobPayloads[JobName.DEADLINE_REMIND]): Promise<JobOutcome> {
    const deadline = await this.deadlines.findById(deadlineId);
    if (!deadline || deadline.status !== DeadlineStatus.OPEN) return JobOutcome.SKIPPED;
    const now = this.clock.now();
    if (deadline.dueAt.getTime() - offsetDays * DAY_MS > now.getTime()) return JobOutcome.SKIPPED;
    const definition = this.registry.get(deadline.workflow);
    const outboxIds = await this.dataSource.transaction(async (manager) => {
      if (!(await this.deadlines.claimFiring(manager, deadline.id, reminderFiring(offsetDays), now))) return [];
      const { snapshot } = await this.engine.getSnapshotOrFail(manager, deadline, deadline.instanceId);
      const data = await definition.notificationData(manager, deadline.instanceId);
      return this.outbox.add(manager, [
        {
          jurisdictionId: deadline.jurisdictionId,
          instanceId: deadline.instanceId,
          template: 'DEADLINE_REMINDER',
          recipients: definition.deadlineRecipients(deadline, snapshot.context),
          data: {
            ...data,
            deadline: DEADLINE_LABELS[deadline.kind] ?? deadline.kind,
            deadlineKind: deadline.kind,
            deadlineId: deadline.id,
            dueDate: deadline.dueAt.toISOString(),
            days: offsetDays,
          },
          dedupeKey: `reminder_${deadline.id}_${offsetDays}`,
          createdAt: now,
        },
      ]);
    });
    if (outboxIds.length === 0) return JobOutcome.SKIPPED;
    await this.queues.enqueueMany(
      outboxIds.map((outboxId) => ({ name: JobName.DELIVER_OUTBOX, data: { outboxId }, jobId: `outbox_${outboxId}` })),
    );
    return JobOutcome.DONE;
  }
}
