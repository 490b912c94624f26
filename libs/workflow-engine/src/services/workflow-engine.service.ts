import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AnyMachineSnapshot, AnyStateMachine, ExecutableActionObject, getNextTransitions, initialTransition } from 'xstate';
import type { Actor } from '@app/workflows/common/actor';
import { Clock, JobName, QueueService } from '@app/persistence';
import { DeadlineRepository, DeadlineScheduler, DeadlineStatus } from '@app/deadlines';
import { OutboxRecipient, OutboxRepository } from '@app/notifications';
import { IdempotencyKeyEntity } from '../entities/idempotency-key.entity';
import { WorkflowException, WorkflowExceptionCode } from '../exceptions/workflow.exception';
import { InstanceRow, InstanceVisibility, WorkflowInstanceRepository } from '../repositories/workflow-instance.repository';
import { auditHash, GENESIS_HASH } from '../utils/audit-hash.util';
import { diffDeadlines, MachineDeadlines } from '../utils/deadline-diff.util';
import { pureTransition } from '../utils/pure-transition.util';
import { ApplyScope, EnvelopedEvent, ProjectedChange, WorkflowDefinition } from '../workflow-definition';
import { WorkflowRegistry } from './workflow-registry.service';

export interface ClientEvent {
  type: string;
  [field: string]: unknown;
}

export interface EventRequest {
  workflow: string;
  jurisdictionId: string;
  instanceId: string;
  actor: Actor;
  event: ClientEvent;
  /** Only if the actor may see the instance, checked by the query that loads it; otherwise `notFound()` is thrown. */
  visibleIf?: InstanceVisibility;
}

export interface CreateRequest {
  workflow: string;
  jurisdictionId: string;
  instanceId: string;
  actor: Actor;
  input: Record<string, unknown>;
}

/** The result of one applied event, JSON-safe so an idempotent repeat can return it as it was. */
export interface AppliedEvent {
  instanceId: string;
  version: number;
  state: string;
  at: string;
  /** For a single event: what the sender may send next (stored with an idempotent answer, as it was then). */
  allowedEvents?: string[];
  /** For a single event: what the workflow's projection added to the answer (not stored with an idempotent answer). */
  projected?: Record<string, unknown>;
}

export interface Idempotency {
  userId: string;
  key: string;
  requestHash: string;
}

/** Work that may only happen once the transaction committed: timers and deliveries. */
interface AfterCommit {
  scheduled: Array<{ id: string; dueAt: Date; reminderOffsetsDays: number[]; openedAt: Date }>;
  unscheduled: Array<{ ids: string[]; offsets: number[] }>;
  outboxIds: string[];
}

/** Internal events (xstate.*) are the machine's own business; clients never see or send them. */
const isClientEventType = (type: string) => !type.startsWith('xstate.') && type !== '*' && type !== '';

/**
 * The generic event path of every workflow: authorize, pure transition, then one transaction with a
 * compare-and-swap of the instance, a hash-chained audit entry, deadline rows, effects and outbox rows;
 * after commit, timers and deliveries are queued.
 */
@Injectable()
export class WorkflowEngine {
  private readonly logger = new Logger(WorkflowEngine.name);
  private readonly acceptedByState = new WeakMap<AnyStateMachine, Map<string, string[]>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: WorkflowRegistry,
    private readonly instances: WorkflowInstanceRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly scheduler: DeadlineScheduler,
    private readonly outbox: OutboxRepository,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  /** Starts an instance inside the caller's transaction (the domain writes its own row beside it). */
  async create(manager: EntityManager, request: CreateRequest, after: AfterCommit = emptyAfterCommit()): Promise<AnyMachineSnapshot> {
    const definition = this.registry.get(request.workflow);
    const version = definition.currentVersion;
    const [snapshot] = initialTransition(definition.machine(version), request.input);
    const at = this.clock.now();
    const payload = { input: request.input };
    const toState = definition.headlineState(snapshot.value);
    const hash = auditHash(GENESIS_HASH, {
      instanceId: request.instanceId, seq: 1, eventType: 'CREATED', actorUserId: request.actor.userId,
      fromState: null, toState, payload, at: at.toISOString(),
    });
    await this.instances.insert(manager, {
      id: request.instanceId, jurisdictionId: request.jurisdictionId, workflow: request.workflow, machineVersion: version,
      snapshot: definition.persist(snapshot), version: 1, lastEventHash: hash, at,
    });
    await this.instances.appendAudit(manager, {
      jurisdictionId: request.jurisdictionId, workflow: request.workflow, instanceId: request.instanceId, seq: 1,
      actorUserId: request.actor.userId, actorRoles: request.actor.roles, eventType: 'CREATED', fromState: null, toState,
      payload, reason: null, at, prevHash: GENESIS_HASH, hash,
    });
    await this.syncDeadlines(manager, definition, { instanceId: request.instanceId, jurisdictionId: request.jurisdictionId },
      undefined, snapshot, null, at, after);
    return snapshot;
  }

  /** Starts an instance and lets the domain write its own rows from the initial snapshot, in one transaction. */
  async createAndSchedule(
    request: CreateRequest,
    writeDomain: (manager: EntityManager, snapshot: AnyMachineSnapshot) => Promise<void>,
  ): Promise<AnyMachineSnapshot> {
    const after = emptyAfterCommit();
    const snapshot = await this.dataSource.transaction(async (manager) => {
      const created = await this.create(manager, request, after);
      await writeDomain(manager, created);
      await this.notifyProjected({ manager, workflow: request.workflow, instanceId: request.instanceId, jurisdictionId: request.jurisdictionId, event: { type: 'CREATED' } });
      return created;
    });
    await this.runAfterCommit(after);
    return snapshot;
  }

  /** Applies one event; with an idempotency key, a repeat returns the first answer without applying again. */
  async apply(request: EventRequest, idempotency?: Idempotency): Promise<AppliedEvent & { allowedEvents: string[] }> {
    // The answer names the sender's next events from the new snapshot in memory, sparing the caller a read-back.
    const [applied] = await this.applyAll([request], idempotency, { describe: true });
    return applied as AppliedEvent & { allowedEvents: string[] };
  }

  /** Applies several events in one transaction: all apply, or none does (a batch assignment). */
  async applyAll(requests: EventRequest[], idempotency?: Idempotency, { describe = false } = {}): Promise<AppliedEvent[]> {
    const after = emptyAfterCommit();
    const outcome = await this.dataSource.transaction(async (manager) => {
      if (idempotency) {
        const stored = await this.claimIdempotencyKey(manager, idempotency);
        if (stored) return { replayed: stored, applied: undefined };
      }
      const applied: AppliedEvent[] = [];
      for (const request of requests) {
        const { result, next } = await this.applyWithin(manager, request, after, describe);
        applied.push(describe ? { ...result, allowedEvents: this.allowedEvents(request.workflow, next, request.actor) } : result);
      }
      if (idempotency) await this.storeIdempotentAnswer(manager, idempotency, applied.map(({ projected: _projected, ...kept }) => kept));
      return { replayed: undefined, applied };
    });
    if (outcome.replayed) return outcome.replayed;
    await this.runAfterCommit(after);
    return outcome.applied ?? [];
  }

  /**
   * Runs a domain's own writes and events of any workflow in one transaction (a hearing record beside its
   * RECORD_HEARING, a proposal decided beside its MARK_KEY); timers and deliveries are queued after commit.
   */
  async inTransaction<T>(
    work: (tx: { manager: EntityManager; apply: (request: EventRequest) => Promise<AppliedEvent> }) => Promise<T>,
  ): Promise<T> {
    const after = emptyAfterCommit();
    const result = await this.dataSource.transaction((manager) =>
      work({ manager, apply: async (request) => (await this.applyWithin(manager, request, after)).result }),
    );
    await this.runAfterCommit(after);
    return result;
  }

  /** Loads an instance's current snapshot, or throws INSTANCE_NOT_FOUND (also for another jurisdiction's). */
  async getSnapshotOrFail(
    manager: EntityManager,
    scope: { workflow: string; jurisdictionId: string },
    instanceId: string,
    visibleIf?: InstanceVisibility,
  ): Promise<{ row: InstanceRow; snapshot: AnyMachineSnapshot }> {
    const row = await this.instances.find(manager, scope, instanceId, visibleIf);
    if (visibleIf && !row?.visible) throw visibleIf.notFound();
    if (!row) throw new WorkflowException(WorkflowExceptionCode.INSTANCE_NOT_FOUND, `${scope.workflow} ${instanceId} not found`);
    const snapshot = this.registry.get(scope.workflow).restore(row.machineVersion, row.snapshot);
    return { row, snapshot };
  }

  /**
   * Event types the state takes at all, before asking who sends them. They follow from the state value alone (guards
   * are not evaluated), so each machine's answer per state is kept: walking the state nodes twice per event showed.
   */
  acceptedEventTypes(snapshot: AnyMachineSnapshot): string[] {
    let byState = this.acceptedByState.get(snapshot.machine);
    if (!byState) this.acceptedByState.set(snapshot.machine, (byState = new Map()));
    const state = JSON.stringify(snapshot.value);
    let accepted = byState.get(state);
    if (!accepted) {
      accepted = [...new Set(getNextTransitions(snapshot).map((t) => t.eventType).filter(isClientEventType))].sort();
      byState.set(state, accepted);
    }
    return [...accepted];
  }

  /** The events this actor may send now: taken by the state and permitted to the actor. */
  allowedEvents(workflow: string, snapshot: AnyMachineSnapshot, actor: Actor): string[] {
    const definition = this.registry.get(workflow);
    return this.acceptedEventTypes(snapshot).filter(
      (type) => definition.eventTypes.includes(type) && definition.mayActorSend(type, actor, snapshot.context),
    );
  }

  private async applyWithin(
    manager: EntityManager,
    request: EventRequest,
    after: AfterCommit,
    answering = false,
  ): Promise<{ result: AppliedEvent; next: AnyMachineSnapshot }> {
    const definition = this.registry.get(request.workflow);
    const scope = { workflow: request.workflow, jurisdictionId: request.jurisdictionId };
    const { row, snapshot: before } = await this.getSnapshotOrFail(manager, scope, request.instanceId, request.visibleIf);
    const { type } = request.event;
    if (!definition.mayActorSend(type, request.actor, before.context)) {
      throw new WorkflowException(WorkflowExceptionCode.EVENT_FORBIDDEN, `You may not send ${type} to this ${request.workflow}`);
    }
    const accepted = this.acceptedEventTypes(before);
    if (!accepted.includes(type)) {
      throw new WorkflowException(
        WorkflowExceptionCode.EVENT_NOT_ACCEPTED_CONFLICT,
        `${type} is not accepted in state ${definition.headlineState(before.value)}`,
        { state: definition.headlineState(before.value), allowedEvents: this.allowedEvents(request.workflow, before, request.actor) },
      );
    }
    const at = this.clock.now();
    const event: EnvelopedEvent = {
      ...request.event,
      actor: request.actor,
      at: at.toISOString(),
      due: await definition.dueDates(request.jurisdictionId, at),
    };
    const [next, actions] = pureTransition(definition.machine(row.machineVersion), before, event);
    if (actions.length === 0 && sameSnapshot(before, next)) {
      const reason = definition.explainRefusal(before.context, event) ?? `${type} is not possible now`;
      throw new WorkflowException(WorkflowExceptionCode.EVENT_REFUSED_CONFLICT, reason, { reason });
    }

    const seq = row.version + 1;
    const fromState = definition.headlineState(before.value);
    const toState = definition.headlineState(next.value);
    const { type: _type, ...payload } = request.event;
    const reason = typeof payload.reason === 'string' ? payload.reason : null;
    const hash = auditHash(row.lastEventHash, {
      instanceId: row.id, seq, eventType: type, actorUserId: request.actor.userId, fromState, toState, payload, at: event.at,
    });
    const swapped = await this.instances.compareAndSwapWithAudit(
      manager,
      { id: row.id, expectedVersion: row.version, snapshot: definition.persist(next), lastEventHash: hash, at },
      {
        jurisdictionId: row.jurisdictionId, workflow: row.workflow, seq, actorUserId: request.actor.userId, actorRoles: request.actor.roles,
        eventType: type, fromState, toState, payload, reason, prevHash: row.lastEventHash,
      },
    );
    if (!swapped) {
      throw new WorkflowException(WorkflowExceptionCode.VERSION_CONFLICT, `${request.workflow} ${row.id} was changed by another event; reload and retry`);
    }
    await this.syncDeadlines(manager, definition, { instanceId: row.id, jurisdictionId: row.jurisdictionId }, before, next, event, at, after);

    const applyScope: ApplyScope = {
      manager, instanceId: row.id, jurisdictionId: row.jurisdictionId, seq, event, before, after: next, answering,
      send: async (inner) => {
        await this.applyWithin(manager, { ...inner, jurisdictionId: row.jurisdictionId, actor: systemActorOf(request.actor) }, after);
      },
    };
    await this.performEffects(applyScope, definition, actions, after);
    const projected = await definition.project(applyScope);
    await this.notifyProjected({ manager, workflow: request.workflow, instanceId: row.id, jurisdictionId: row.jurisdictionId, event });
    return { result: { instanceId: row.id, version: seq, state: toState, at: event.at, ...(projected ? { projected } : {}) }, next };
  }

  private async performEffects(
    scope: ApplyScope,
    definition: WorkflowDefinition,
    actions: ExecutableActionObject[],
    after: AfterCommit,
  ): Promise<void> {
    const notifications: Array<{ template: string; to: OutboxRecipient[] }> = [];
    for (const action of actions) {
      if (action.type === 'notify') notifications.push(action.params as { template: string; to: OutboxRecipient[] });
      else if (!action.type.startsWith('xstate.')) await definition.performEffect(scope, action);
    }
    if (notifications.length === 0) return;
    const data = (await definition.notificationData(scope.manager, [scope.instanceId])).get(scope.instanceId) ?? {};
    const ids = await this.outbox.add(
      scope.manager,
      notifications.map((notification, index) => ({
        jurisdictionId: scope.jurisdictionId,
        instanceId: scope.instanceId,
        template: notification.template,
        recipients: notification.to.map(toOutboxRecipient),
        data,
        dedupeKey: `${scope.instanceId}_${scope.seq}_${index}`,
        createdAt: new Date(scope.event.at),
      })),
    );
    after.outboxIds.push(...ids);
  }

  private async syncDeadlines(
    manager: EntityManager,
    definition: WorkflowDefinition,
    instance: { instanceId: string; jurisdictionId: string },
    before: AnyMachineSnapshot | undefined,
    next: AnyMachineSnapshot,
    event: EnvelopedEvent | null,
    at: Date,
    after: AfterCommit,
  ): Promise<void> {
    const { instanceId } = instance;
    const diff = diffDeadlines(
      (before?.context as { deadlines?: MachineDeadlines } | undefined)?.deadlines,
      (next.context as { deadlines?: MachineDeadlines }).deadlines,
    );
    if (diff.opened.length === 0 && diff.closed.length === 0) return;
    const offsets = await definition.reminderOffsetsDays(instance.jurisdictionId);
    const passedKey = event?.type === 'DEADLINE_PASSED' ? String(event.deadlineKey) : null;
    const passed = diff.closed.filter((key) => key === passedKey);
    const ended = diff.closed.filter((key) => key !== passedKey);
    const endedIds = [
      ...(await this.deadlines.end(manager, { instanceId, keys: passed, status: DeadlineStatus.PASSED, at })),
      ...(await this.deadlines.end(manager, { instanceId, keys: ended, status: DeadlineStatus.CLOSED, at })),
    ];
    if (endedIds.length > 0) after.unscheduled.push({ ids: endedIds, offsets });
    const opened = await this.deadlines.open(
      manager,
      diff.opened.map((deadline) => ({
        jurisdictionId: instance.jurisdictionId, workflow: definition.name, instanceId, key: deadline.key, kind: deadline.kind,
        unitId: deadline.unitId, dueAt: new Date(deadline.dueAt), reminderOffsetsDays: offsets, openedAt: at,
      })),
    );
    after.scheduled.push(...opened);
  }

  private async notifyProjected(change: ProjectedChange): Promise<void> {
    for (const listener of this.registry.listenersOf(change.workflow)) await listener(change);
  }

  private async runAfterCommit(after: AfterCommit): Promise<void> {
    // The rows are committed: if Redis fails here, the reconciler recreates these jobs from the tables.
    try {
      await Promise.all(after.unscheduled.map(({ ids, offsets }) => this.scheduler.unschedule(ids, offsets)));
      await this.scheduler.schedule(after.scheduled);
      await this.queues.enqueueMany(
        after.outboxIds.map((outboxId) => ({ name: JobName.DELIVER_OUTBOX, data: { outboxId }, jobId: `outbox_${outboxId}` })),
      );
    } catch (error) {
      this.logger.warn(`Queueing after commit failed; the reconciler will catch up: ${(error as Error).message}`);
    }
  }

  /** Returns the stored answer for a key already used, or null after claiming the key for this request. */
  private async claimIdempotencyKey(manager: EntityManager, idempotency: Idempotency): Promise<AppliedEvent[] | null> {
    // A concurrent request with the same key blocks on this insert until the first commits, then finds its answer.
    const inserted: unknown[] = await manager.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, status_code, response, created_at)
       VALUES ($1, $2, $3, 0, 'null', $4) ON CONFLICT DO NOTHING RETURNING key`,
      [idempotency.userId, idempotency.key, idempotency.requestHash, this.clock.now()],
    );
    if (inserted.length === 1) return null;
    const stored = await manager.getRepository(IdempotencyKeyEntity).findOneByOrFail({ userId: idempotency.userId, key: idempotency.key });
    if (stored.requestHash !== idempotency.requestHash) {
      throw new WorkflowException(
        WorkflowExceptionCode.IDEMPOTENCY_KEY_CONFLICT,
        'This Idempotency-Key was used for a different request; use a new key',
      );
    }
    return stored.response as AppliedEvent[];
  }

  private async storeIdempotentAnswer(manager: EntityManager, idempotency: Idempotency, applied: AppliedEvent[]): Promise<void> {
    await manager.query(`UPDATE idempotency_keys SET status_code = 200, response = $3 WHERE user_id = $1 AND key = $2`, [
      idempotency.userId, idempotency.key, JSON.stringify(applied),
    ]);
  }
}

export function requestHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function emptyAfterCommit(): AfterCommit {
  return { scheduled: [], unscheduled: [], outboxIds: [] };
}

function sameSnapshot(a: AnyMachineSnapshot, b: AnyMachineSnapshot): boolean {
  return a === b || (JSON.stringify(a.value) === JSON.stringify(b.value) && JSON.stringify(a.context) === JSON.stringify(b.context));
}

/** Events one instance sends another on a user's behalf are recorded as the system's, naming the user. */
function systemActorOf(actor: Actor): Actor {
  return { userId: actor.userId, roles: [...new Set([...actor.roles, 'SYSTEM' as Actor['roles'][number]])], deputyId: null, unitId: null };
}

function toOutboxRecipient(ref: { kind: string; deputyId?: string; unitId?: string; userId?: string }): OutboxRecipient {
  switch (ref.kind) {
    case 'DEPUTY':
      return { kind: 'DEPUTY', id: ref.deputyId };
    case 'UNIT':
      return { kind: 'UNIT', id: ref.unitId };
    case 'LEADER':
      return { kind: 'LEADER', id: ref.userId };
    default:
      return { kind: 'OFFICE' };
  }
}
