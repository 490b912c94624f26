import { AnyActorScope, AnyMachineSnapshot, AnyStateMachine, createActor, EventObject, ExecutableActionObject } from 'xstate';

interface ReusableScope {
  scope: AnyActorScope;
  actions: ExecutableActionObject[];
}

const scopes = new WeakMap<AnyStateMachine, ReusableScope>();

/** An inert scope like the one xstate's `transition()` builds, made once per machine: its actions are collected, never run. */
function scopeOf(machine: AnyStateMachine): ReusableScope {
  let reusable = scopes.get(machine);
  if (!reusable) {
    const self = createActor(machine);
    const created: ReusableScope = {
      actions: [],
      scope: {
        self, id: '', sessionId: '', system: self.system, logger: () => undefined, defer: () => undefined, emit: () => undefined,
        stopChild: () => undefined, actionExecutor: (action) => created.actions.push(action),
      },
    };
    reusable = created;
    scopes.set(machine, reusable);
  }
  return reusable;
}

/**
 * XState's pure `transition(machine, snapshot, event)`: the next snapshot and the actions to execute, none executed.
 * xstate builds a whole actor per call (evaluating the machine's initial context); on the event path that was a
 * tenth of the engine's own time. Reusing one inert scope per machine is safe because a transition runs
 * synchronously and our persisted machines spawn no children (see the architecture's modelling notes).
 */
export function pureTransition(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: EventObject): [AnyMachineSnapshot, ExecutableActionObject[]] {
  const reusable = scopeOf(machine);
  reusable.actions = [];
  try {
    const next = machine.transition(snapshot, event, reusable.scope) as AnyMachineSnapshot;
    return [next, reusable.actions];
  } finally {
    reusable.actions = [];
  }
}
