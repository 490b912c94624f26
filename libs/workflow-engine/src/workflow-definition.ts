import type { EntityManager } from 'typeorm';
import type { AnyMachineSnapshot, AnyStateMachine, ExecutableActionObject, StateValue } from 'xstate';
import type { Actor } from '@app/workflows/common/actor';
import type { DeadlineEntity } from '@app/deadlines';
import type { OutboxRecipient } from '@app/notifications';

/** An event as it reaches the machine: the client's payload plus the engine's envelope. */
export interface EnvelopedEvent {
  type: string;
  actor: Actor;
  at: string;
  due: Record<string, string>;
  [field: string]: unknown;
}

/** What the engine hands a workflow's hooks while it applies one event inside the transaction. */
export interface ApplyScope {
  manager: EntityManager;
  instanceId: string;
  jurisdictionId: string;
  /** The new version (= audit seq) of the instance. */
  seq: number;
  event: EnvelopedEvent;
  before: AnyMachineSnapshot;
  after: AnyMachineSnapshot;
  /** Sends an event to another instance in the same transaction (a merge tells its target). */
  send(request: { workflow: string; instanceId: string; event: { type: string; [field: string]: unknown } }): Promise<void>;
  /** Whether the sender waits for this event's answer (a single event, not one of a batch): `project` may return its part. */
  answering: boolean;
}

/**
 * One workflow the engine runs. The engine owns the event path (authorize, transition, compare-and-swap,
 * audit chain, deadlines, outbox, idempotency); a definition supplies the machine and the domain's rows.
 */
export interface WorkflowDefinition {
  name: string;
  currentVersion: number;
  machine(version: number): AnyStateMachine;
  /** Restores a persisted snapshot for `machine(version)`. */
  restore(version: number, persisted: Record<string, unknown>): AnyMachineSnapshot;
  persist(snapshot: AnyMachineSnapshot): Record<string, unknown>;
  /** The one-word state shown in lists and audit entries. */
  headlineState(value: StateValue): string;
  /** Every event type clients may name (others are a 400). */
  eventTypes: readonly string[];
  mayActorSend(eventType: string, actor: Actor, context: unknown): boolean;
  /** Why the machine refused an event its state takes, in words for the client. */
  explainRefusal(context: unknown, event: EnvelopedEvent): string | null;
  /** Due instants of every deadline kind if opened at `at`, from the jurisdiction's profile. */
  dueDates(jurisdictionId: string, at: Date): Promise<Record<string, string>>;
  reminderOffsetsDays(jurisdictionId: string): Promise<number[]>;
  /** Who is reminded of, or told about, a deadline. */
  deadlineRecipients(deadline: DeadlineEntity, context: unknown): OutboxRecipient[];
  /** Performs one named effect other than `notify` (which the engine writes to the outbox itself). */
  performEffect(scope: ApplyScope, effect: ExecutableActionObject): Promise<void>;
  /**
   * Fields notification templates fill in (number, title) for each of the instances, in one query: once per event that
   * notifies, and once per batch of reminders falling due together.
   */
  notificationData(manager: EntityManager, instanceIds: string[]): Promise<Map<string, Record<string, unknown>>>;
  /**
   * Updates the domain's own rows from the new snapshot; runs after the effects, in the same transaction. When the
   * sender is `answering`, it may return what the domain adds to the answer (read with its writes, saving a query).
   */
  project(scope: ApplyScope): Promise<void | Record<string, unknown>>;
}

/** What changed, as a projection listener sees it: after the workflow's own projection, in the same transaction. */
export interface ProjectedChange {
  manager: EntityManager;
  workflow: string;
  instanceId: string;
  jurisdictionId: string;
  /** The client event, or CREATED for a new instance. */
  event: { type: string; [field: string]: unknown };
}

export type ProjectionListener = (change: ProjectedChange) => Promise<void>;
