import type { AnyMachineSnapshot, AnyStateMachine, StateValue } from 'xstate';
import type { Actor } from '@app/workflows/common/actor';
import type { EnvelopedEvent, WorkflowDefinition } from './workflow-definition';

/** What a pure workflow module (workflows/<name>/index.ts) offers the engine: its machine versions, snapshots and rules. */
export interface MachineFamily {
  /** Every machine version that may have written a stored snapshot. */
  machines: Record<number, AnyStateMachine>;
  currentVersion: number;
  /** Every event type clients may name. */
  eventTypes: readonly string[];
  restore(machine: AnyStateMachine, persisted: Record<string, unknown>): AnyMachineSnapshot;
  persist(snapshot: AnyMachineSnapshot): object;
  mayActorSend(eventType: string, actor: Actor, context: unknown): boolean;
  explainRefusal(context: unknown, event: EnvelopedEvent): string | null;
}

type MachinePart = 'currentVersion' | 'eventTypes' | 'machine' | 'restore' | 'persist' | 'headlineState' | 'mayActorSend' | 'explainRefusal';

/**
 * The machine half of a WorkflowDefinition, the same for every workflow: a domain's definition extends it with its
 * workflow's MachineFamily and adds its own rows (due dates, effects, projection).
 */
export abstract class MachineWorkflowDefinition implements Pick<WorkflowDefinition, MachinePart> {
  abstract readonly name: string;
  readonly currentVersion: number;
  readonly eventTypes: readonly string[];

  protected constructor(private readonly family: MachineFamily) {
    this.currentVersion = family.currentVersion;
    this.eventTypes = family.eventTypes;
  }

  machine(version: number): AnyStateMachine {
    const machine = this.family.machines[version];
    if (!machine) throw new Error(`No ${this.name} machine version ${version}`);
    return machine;
  }

  restore(version: number, persisted: Record<string, unknown>): AnyMachineSnapshot {
    return this.family.restore(this.machine(version), persisted);
  }

  persist(snapshot: AnyMachineSnapshot): Record<string, unknown> {
    return this.family.persist(snapshot) as Record<string, unknown>;
  }

  /** The one-word state shown in lists and audit entries: a parallel state's first region. */
  headlineState(value: StateValue): string {
    return typeof value === 'string' ? value : Object.keys(value)[0];
  }

  mayActorSend(eventType: string, actor: Actor, context: unknown): boolean {
    return this.family.mayActorSend(eventType, actor, context);
  }

  explainRefusal(context: unknown, event: EnvelopedEvent): string | null {
    return this.family.explainRefusal(context, event);
  }
}
