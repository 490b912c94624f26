import type { AnyMachineSnapshot, AnyStateMachine, SnapshotFrom, StateValue } from 'xstate';
import type { LivelihoodContext } from './livelihood-vote.types';

export interface PersistedLivelihoodSnapshot {
  status: 'active' | 'done' | 'error' | 'stopped';
  value: StateValue;
  context: LivelihoodContext;
  [field: string]: unknown;
}

/** Plain JSON for a jsonb column (the machine keeps no actors, timers or functions). */
export function persistLivelihoodSnapshot(snapshot: AnyMachineSnapshot): PersistedLivelihoodSnapshot {
  return JSON.parse(JSON.stringify(snapshot.machine.getPersistedSnapshot(snapshot))) as PersistedLivelihoodSnapshot;
}

/** Rebuilds a snapshot of `machine` from stored JSON; restore with the version that wrote it. */
export function restoreLivelihoodSnapshot<T extends AnyStateMachine>(machine: T, persisted: PersistedLivelihoodSnapshot): SnapshotFrom<T> {
  if (persisted.status === 'error' || persisted.status === 'stopped') {
    throw new Error(`cannot restore a livelihood-vote snapshot with status ${persisted.status}`);
  }
  const context = JSON.parse(JSON.stringify(persisted.context)) as LivelihoodContext;
  return machine.resolveState({ value: persisted.value, context }) as SnapshotFrom<T>;
}
