import type { AnyMachineSnapshot, AnyStateMachine, SnapshotFrom, StateValue } from 'xstate';
import type { VoteSessionContext } from './vote-session.types';

export interface PersistedVoteSessionSnapshot {
  status: 'active' | 'done' | 'error' | 'stopped';
  value: StateValue;
  context: VoteSessionContext;
  [field: string]: unknown;
}

/** Plain JSON for a jsonb column (the machine keeps no actors, timers or functions). */
export function persistVoteSnapshot(snapshot: AnyMachineSnapshot): PersistedVoteSessionSnapshot {
  return JSON.parse(JSON.stringify(snapshot.machine.getPersistedSnapshot(snapshot))) as PersistedVoteSessionSnapshot;
}

/** Rebuilds a snapshot of `machine` from stored JSON; restore with the version that wrote it. */
export function restoreVoteSnapshot<T extends AnyStateMachine>(machine: T, persisted: PersistedVoteSessionSnapshot): SnapshotFrom<T> {
  if (persisted.status === 'error' || persisted.status === 'stopped') {
    throw new Error(`cannot restore a vote-session snapshot with status ${persisted.status}`);
  }
  const context = JSON.parse(JSON.stringify(persisted.context)) as VoteSessionContext;
  return machine.resolveState({ value: persisted.value, context }) as SnapshotFrom<T>;
}
