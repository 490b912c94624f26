/**
 * Model-based coverage: traverse the vote-session machine's graph with @xstate/graph from sample events
 * (sent the way the engine sends them: permission first, then the machine) and check that every state
 * node and every transition of the definition is reached, and that each end is reached by a path that
 * replays with the pure transition().
 */
import { getAdjacencyMap, getShortestPaths } from '@xstate/graph';
import { initialTransition, transition } from 'xstate';
import { definedStateIds, definedTransitionIds, reachedStateIds, takenTransitionIds } from '../common/testing/graph-coverage';
import { Role, type Actor } from '../common/actor';
import { voteSessionMachineV1 } from './vote-session.machine.v1';
import { mayActorSendVoteEvent } from './vote-session-permissions';
import type { VoteSessionEvent, VoteSessionEventPayload } from './vote-session.types';

const machine = voteSessionMachineV1;
const AT = '2026-06-20T02:00:00.000Z';
const office: Actor = { userId: 'office-1', roles: [Role.OFFICE], deputyId: null, unitId: null };
const chair: Actor = { userId: 'chair-1', roles: [Role.SC_LEADER], deputyId: null, unitId: null };
const member: Actor = { userId: 'member-1', roles: [Role.SC_MEMBER], deputyId: null, unitId: null };
const sample = (payload: VoteSessionEventPayload, actor: Actor): VoteSessionEvent => ({ ...payload, actor, at: AT, due: {} });

const SAMPLES: VoteSessionEvent[] = [
  sample({ type: 'OPEN', voters: [{ userId: 'm1', kind: 'MEMBER' }, { userId: 'm2', kind: 'MEMBER' }] }, chair),
  sample({ type: 'OPEN', voters: [{ userId: 'm1', kind: 'MEMBER' }, { userId: 'd1', kind: 'DEPUTY' }] }, office),
  sample({ type: 'OPEN', voters: [] }, office),
  sample({ type: 'OPEN', voters: [{ userId: 'm1', kind: 'MEMBER' }] }, member),
  sample({ type: 'CLOSE' }, chair),
  sample({ type: 'CLOSE' }, member),
  sample({ type: 'PUBLISH' }, office),
  sample({ type: 'PUBLISH' }, chair),
  sample({ type: 'CANCEL', reason: 'Meeting postponed.' }, office),
  sample({ type: 'CANCEL', reason: '' }, office),
];

type Snapshot = ReturnType<typeof initialTransition<typeof machine>>[0];
const eventsFor = (s: Snapshot) => SAMPLES.filter((e) => mayActorSendVoteEvent(e.type, e.actor, s.context) && s.can(e));
const serialize = (s: Snapshot) => JSON.stringify({ value: s.value, deputies: s.context.deputyCount > 0 });

describe('vote session machine v1 graph', () => {
  const start = { rules: { failWhenUnsatisfiedExceedsShare: 0.5, inviteDeputies: true }, chairUserId: chair.userId, itemCount: 3 };
  const [initial] = initialTransition(machine, start);
  const adjacency = getAdjacencyMap(machine, { fromState: initial, events: eventsFor, serializeState: serialize });
  const snapshots = Object.values(adjacency).map((v) => v.state as Snapshot);

  it('reaches every state node', () => {
    const defined = definedStateIds(machine);
    const reached = reachedStateIds(adjacency);
    expect(defined.filter((id) => !reached.has(id))).toEqual([]);
    expect(defined).toHaveLength(5);
  });

  it('takes every transition of the definition', () => {
    const defined = definedTransitionIds(machine);
    const taken = takenTransitionIds(machine, adjacency);
    expect([...defined].filter((id) => !taken.has(id))).toEqual([]);
    expect(defined.size).toBe(5);
  });

  it('offers no event to a member, and nothing after the end', () => {
    for (const s of snapshots) {
      expect(eventsFor(s).some((e) => e.actor === member)).toBe(false);
      if (s.status === 'done') expect(eventsFor(s)).toEqual([]);
    }
  });

  it.each(['published', 'cancelled'])('reaches %s by a path that replays', (end) => {
    const paths = getShortestPaths(machine, { fromState: initial, events: eventsFor, serializeState: serialize, toState: (s) => s.value === end });
    const path = paths.find((p) => p.state.value === end)!;
    expect(path).toBeDefined();
    let s = initial;
    for (const step of path.steps.filter((st) => (st.event.type as string) !== 'xstate.init')) s = transition(machine, s, step.event)[0];
    expect(s.value).toBe(end);
  });
});
