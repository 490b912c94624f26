/**
 * How suggestion snapshots are stored and brought back.
 *
 * Stored: `machine.getPersistedSnapshot(snapshot)` passed through JSON, i.e. plain
 * `{ status, value, context, historyValue, children }` (plus `output`/`error` when set). The machine keeps
 * no actors, timers or functions in context, so this is the whole state. A snapshot from `transition()`
 * and one from a running actor's `getPersistedSnapshot()` persist to the same JSON.
 *
 * Restored: `machine.resolveState({ value, context })`, which rebuilds the active state nodes from the
 * value (throwing on a state the machine does not have) and recomputes `status` ('done' in a top-level
 * final state). The result is an ordinary snapshot for `transition()`, `snapshot.can()` and
 * `createActor(machine, { snapshot })`.
 *
 * Restore with the machine version the snapshot was written by (see `suggestionMachines`).
 */
import type { AnyStateMachine, MachineSnapshot, SnapshotFrom, StateValue } from 'xstate';
import type { SuggestionContext } from './suggestion.types';

export interface PersistedSuggestionSnapshot {
  status: 'active' | 'done' | 'error' | 'stopped';
  value: StateValue;
  context: SuggestionContext;
  historyValue?: Record<string, unknown>;
  children?: Record<string, unknown>;
  output?: unknown;
  error?: unknown;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySuggestionSnapshot = MachineSnapshot<SuggestionContext, any, any, any, any, any, any, any>;

/** The JSON to store for a snapshot: plain data, safe for a jsonb column. */
export function persistSnapshot(snapshot: AnySuggestionSnapshot): PersistedSuggestionSnapshot {
  const persisted = snapshot.machine.getPersistedSnapshot(snapshot);
  return JSON.parse(JSON.stringify(persisted)) as PersistedSuggestionSnapshot;
}

/** A snapshot of `machine` rebuilt from stored JSON, ready for `transition(machine, restored, event)`. */
export function restoreSnapshot<TMachine extends AnyStateMachine>(machine: TMachine, persisted: PersistedSuggestionSnapshot): SnapshotFrom<TMachine> {
  if (persisted.status === 'error' || persisted.status === 'stopped') {
    throw new Error(`cannot restore a suggestion snapshot with status ${persisted.status}`);
  }
  // A copy, so the restored snapshot never shares objects with the caller's stored JSON.
  const context = JSON.parse(JSON.stringify(persisted.context)) as SuggestionContext;
  return machine.resolveState({ value: persisted.value, context }) as SnapshotFrom<TMachine>;
}
