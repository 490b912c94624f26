import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, JobName, JobOutcome, JobPayloads, MicroBatcher, OnJob, QueueService } from '@app/persistence';
import { DeadlineRepository, DeadlineStatus, FiringTarget, firingKey, reminderFiring } from '@app/deadlines';
import { DEADLINE_LABELS, NewOutboxMessage, OutboxRepository } from '@app/notifications';
import { WorkflowException, WorkflowExceptionCode } from '../exceptions/workflow.exception';
import { WorkflowRegistry } from '../services/workflow-registry.service';

const DAY_MS = 86_400_000;
/** Up to this many reminders share one round of queries; two rounds overlap, so the database is never left idle. */
const BATCH = { maxBatch: 64, maxInFlight: 2 };

type RemindRequest = JobPayloads[JobName.DEADLINE_REMIND];
type Candidate = { request: RemindRequest; deadline: FiringTarget; key: string };

/**
 * Sends one reminder of one deadline, once: the firing row is claimed in the same statement that writes the outbox row.
 * Jobs running side by side (a storm of reminders due at one instant) are handled in batches: one query loads their
 * deadlines with their firings and instances, and one statement claims all their firings and writes their messages.
 */
@Injectable()
export class DeadlineRemindJob {
  private readonly batcher = new MicroBatcher<RemindRequest, JobOutcome>((requests) => this.remindMany(requests), BATCH);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineRepository,
    private readonly registry: WorkflowRegistry,
    private readonly outbox: OutboxRepository,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.DEADLINE_REMIND)
  handle({ deadlineId, offsetDays }: RemindRequest): Promise<JobOutcome> {
    return this.batcher.submit({ deadlineId, offsetDays });
  }

  private async remindMany(requests: RemindRequest[]): Promise<JobOutcome[]> {
    const now = this.clock.now();
    const candidates = await this.dueCandidates(requests, now);
    const messages = await this.messagesFor(candidates, now);
    const written = await this.outbox.addForFirings(
      this.dataSource.manager,
      candidates.map((c, i) => ({ deadlineId: c.deadline.id, firing: reminderFiring(c.request.offsetDays), message: messages[i] })),
      now,
    );
    await this.queues.enqueueMany([...written.values()].map((outboxId) => ({ name: JobName.DELIVER_OUTBOX, data: { outboxId }, jobId: `outbox_${outboxId}` })));
    const done = new Set(candidates.filter((_, i) => written.has(messages[i].dedupeKey)).map((c) => c.request));
    return requests.map((request) => (done.has(request) ? JobOutcome.DONE : JobOutcome.SKIPPED));
  }

  /** Open, due by the clock of record, and not yet fired; a job delivered twice in one batch counts once. */
  private async dueCandidates(requests: RemindRequest[], now: Date): Promise<Candidate[]> {
    const rows = new Map((await this.deadlines.findForFiring([...new Set(requests.map((r) => r.deadlineId))])).map((row) => [row.id, row]));
    const seen = new Set<string>();
    const candidates: Candidate[] = [];
    for (const request of requests) {
      const deadline = rows.get(request.deadlineId);
      const firing = reminderFiring(request.offsetDays);
      const key = firingKey(request.deadlineId, firing);
      if (!deadline || deadline.status !== DeadlineStatus.OPEN || deadline.firings.includes(firing) || seen.has(key)) continue;
      // Not yet due by the clock of record: the reconciler sends it once it is.
      if (new Date(deadline.dueAt).getTime() - request.offsetDays * DAY_MS > now.getTime()) continue;
      seen.add(key);
      candidates.push({ request, deadline, key });
    }
    // The claims and messages of two batches then meet in the same order: one waits for the other, neither deadlocks.
    return candidates.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** One message per candidate, in order: recipients from the instance's context, labels from its domain row. */
  private async messagesFor(candidates: Candidate[], now: Date): Promise<NewOutboxMessage[]> {
    // One query per workflow for all the batch's instances.
    const byWorkflow = new Map<string, Set<string>>();
    for (const { deadline } of candidates) byWorkflow.set(deadline.workflow, (byWorkflow.get(deadline.workflow) ?? new Set<string>()).add(deadline.instanceId));
    const data = new Map<string, Record<string, unknown>>();
    for (const [workflow, instanceIds] of byWorkflow) {
      for (const [id, fields] of await this.registry.get(workflow).notificationData(this.dataSource.manager, [...instanceIds])) data.set(id, fields);
    }
    return candidates.map(({ deadline, request }) => ({
      jurisdictionId: deadline.jurisdictionId,
      instanceId: deadline.instanceId,
      template: 'DEADLINE_REMINDER',
      recipients: this.registry.get(deadline.workflow).deadlineRecipients(deadline, this.contextOf(deadline)),
      data: {
        ...data.get(deadline.instanceId),
        deadline: DEADLINE_LABELS[deadline.kind] ?? deadline.kind,
        deadlineKind: deadline.kind,
        deadlineId: deadline.id,
        dueDate: new Date(deadline.dueAt).toISOString(),
        days: request.offsetDays,
      },
      dedupeKey: `reminder_${deadline.id}_${request.offsetDays}`,
      createdAt: now,
    }));
  }

  /** The instance's restored context; a missing instance fails the batch (and then this job alone). */
  private contextOf(target: FiringTarget): unknown {
    if (target.machineVersion === null || target.snapshot === null) {
      throw new WorkflowException(WorkflowExceptionCode.INSTANCE_NOT_FOUND, `${target.workflow} ${target.instanceId} not found`);
    }
    return this.registry.get(target.workflow).restore(target.machineVersion, target.snapshot).context;
  }
}
