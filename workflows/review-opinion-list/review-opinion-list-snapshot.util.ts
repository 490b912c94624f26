import type { AnyMachineSnapshot, AnyStateMachine, SnapshotFrom, StateValue } from 'xstate';
import type { ReviewListContext } from './review-opinion-list.types';

export interface PersistedReviewListSnapshot {
  status: 'active' | 'done' | 'error' | 'stopped';
  value: StateValue;
  context: ReviewListContext;
  [field: string]: unknown;
}

/** Plain JSON for a jsonb column (the machine keeps no actors, timers or functions). */
export function persistReviewListSnapshot(snapshot: AnyMachineSnapshot): PersistedReviewListSnapshot {
  return JSON.parse(JSON.stringify(snapshot.machine.getPersistedSnapshot(snapshot))) as PersistedReviewListSnapshot;
}

/** Rebuilds a snapshot of `machine` from stored JSON; restore with the version that wrote it. */
export function restoreReviewListSnapshot<T extends AnyStateMachine>(machine: T, persisted: PersistedReviewListSnapshot): SnapshotFrom<T> {
  if (persisted.status === 'error' || persisted.status === 'stopped') {
    throw new Error(`cannot restore a review-opinion list snapshot with status ${persisted.status}`);
  }
  const context = JSON.parse(JSON.stringify(persisted.context)) as ReviewListContext;
  return machine.resolveState({ value: persisted.value, context }) as SnapshotFrom<T>;
}
