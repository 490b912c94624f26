import { getStateNodes } from '@xstate/graph';
import type { AdjacencyMap } from '@xstate/graph';
import type { AnyMachineSnapshot, AnyStateMachine, AnyStateNode, EventObject } from 'xstate';

/** Names a transition by where it starts, its event and its place among that event's transitions there. */
const transitionId = (source: AnyStateNode, eventType: string, index: number) => `${source.id} --${eventType}[${index}]-->`;

/** Every state node of the machine's definition. */
export function definedStateIds(machine: AnyStateMachine): string[] {
  return getStateNodes(machine.root).map((node) => node.id);
}

/** State nodes active in at least one snapshot the traversal reached. */
export function reachedStateIds(adjacency: AdjacencyMap<AnyMachineSnapshot, EventObject>): Set<string> {
  return new Set(Object.values(adjacency).flatMap(({ state }) => state._nodes.map((node: AnyStateNode) => node.id)));
}

/** Every transition of the machine's definition. */
export function definedTransitionIds(machine: AnyStateMachine): Set<string> {
  const defined = new Set<string>();
  for (const node of [machine.root, ...getStateNodes(machine.root)]) {
    for (const [eventType, list] of node.transitions) list.forEach((_, index) => defined.add(transitionId(node, eventType, index)));
  }
  return defined;
}

/** Transitions the traversal took: each edge's event replayed through `getTransitionData` on its source snapshot. */
export function takenTransitionIds(machine: AnyStateMachine, adjacency: AdjacencyMap<AnyMachineSnapshot, EventObject>): Set<string> {
  const taken = new Set<string>();
  for (const { state, transitions } of Object.values(adjacency)) {
    for (const { event } of Object.values(transitions) as Array<{ event: EventObject }>) {
      for (const t of machine.getTransitionData(state, event)) {
        taken.add(transitionId(t.source, t.eventType, t.source.transitions.get(t.eventType)!.indexOf(t)));
      }
    }
  }
  return taken;
}
