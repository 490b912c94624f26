/**
 * Model-based coverage: traverse the review-opinion list machine's graph with @xstate/graph from sample events
 * (sent the way the engine sends them: permission first, then the machine) and check that every state node and
 * every transition of the definition is reached, and that each end is reached by a path that replays.
 */
import { getAdjacencyMap, getShortestPaths } from '@xstate/graph';
import { initialTransition, transition } from 'xstate';
import { definedStateIds, definedTransitionIds, reachedStateIds, takenTransitionIds } from '../common/testing/graph-coverage';
import { Role, SYSTEM_ACTOR, type Actor } from '../common/actor';
import { reviewOpinionListMachineV1 } from './review-opinion-list.machine.v1';
import { mayActorSendReviewEvent } from './review-opinion-list-permissions';
import type { ReviewListEvent, ReviewListEventPayload } from './review-opinion-list.types';

const machine = reviewOpinionListMachineV1;
const AT = '2026-04-01T02:00:00.000Z';
const DUE = { REVIEW_ITEM: '2026-06-01T15:59:59.999Z', REVIEW_REPORT: '2026-06-01T15:59:59.999Z', REVIEW_REWORK: '2026-05-01T15:59:59.999Z', REPORT_AGAIN: '2026-07-01T15:59:59.999Z' };
const office: Actor = { userId: 'office-1', roles: [Role.OFFICE], deputyId: null, unitId: null };
const unitA: Actor = { userId: 'a-staff', roles: [Role.UNIT_STAFF], deputyId: null, unitId: 'unit-a' };
const unitB: Actor = { userId: 'b-head', roles: [Role.UNIT_HEAD, Role.UNIT_STAFF], deputyId: null, unitId: 'unit-b' };
const sample = (payload: ReviewListEventPayload, actor: Actor): ReviewListEvent => ({ ...payload, actor, at: AT, due: DUE });

const SAMPLES: ReviewListEvent[] = [
  sample({ type: 'ASSIGN' }, office),
  sample({ type: 'ASSIGN' }, unitA),
  sample({ type: 'REPORT_ITEM', itemId: 'i1', text: '已整改。' }, unitA),
  sample({ type: 'REPORT_ITEM', itemId: 'i1', text: '越权。' }, unitB),
  sample({ type: 'CLOSE_ITEM', itemId: 'i1' }, office),
  sample({ type: 'SEND_BACK_ITEM', itemId: 'i1', reason: '整改不到位。' }, office),
  sample({ type: 'SUBMIT_REPORT', text: '研究处理情况的报告。' }, unitB),
  sample({ type: 'SUBMIT_REPORT', text: '研究处理情况的报告。' }, unitA),
  sample({ type: 'RECORD_VOTE_RESULT', voteSessionId: 'v1', passed: true }, SYSTEM_ACTOR),
  sample({ type: 'RECORD_VOTE_RESULT', voteSessionId: 'v2', passed: false }, SYSTEM_ACTOR),
  sample({ type: 'CONCLUDE', reason: '不再测评。' }, office),
  sample({ type: 'CANCEL', reason: '报告撤回。' }, office),
  sample({ type: 'DEADLINE_PASSED', deadlineKey: 'item_i1' }, SYSTEM_ACTOR),
  sample({ type: 'DEADLINE_PASSED', deadlineKey: 'report' }, SYSTEM_ACTOR),
];

type Snapshot = ReturnType<typeof initialTransition<typeof machine>>[0];
const eventsFor = (s: Snapshot) => SAMPLES.filter((e) => mayActorSendReviewEvent(e.type, e.actor, s.context) && s.can(e));
const serialize = (s: Snapshot) =>
  JSON.stringify({ value: s.value, items: s.context.items.map((i) => [i.status, i.overdue, Math.min(i.sentBackCount, 1)]), round: Math.min(s.context.reportRound, 2), overdue: s.context.reportOverdue, keys: Object.keys(s.context.deadlines).sort() });

describe('review-opinion list machine v1 graph', () => {
  const [initial] = initialTransition(machine, { reportingUnitId: 'unit-b', items: [{ id: 'i1', unitId: 'unit-a' }] });
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
    expect(defined.size).toBe(11);
  });

  it('never lets a unit report on another unit’s item, and offers nothing after the end', () => {
    for (const s of snapshots) {
      expect(eventsFor(s).some((e) => e.type === 'REPORT_ITEM' && e.actor === unitB)).toBe(false);
      if (s.status === 'done') expect(eventsFor(s)).toEqual([]);
    }
  });

  it.each(['done', 'cancelled'])('reaches %s by a path that replays', (end) => {
    const paths = getShortestPaths(machine, { fromState: initial, events: eventsFor, serializeState: serialize, toState: (s) => s.value === end });
    const path = paths.find((p) => p.state.value === end)!;
    expect(path).toBeDefined();
    let s = initial;
    for (const step of path.steps.filter((st) => (st.event.type as string) !== 'xstate.init')) s = transition(machine, s, step.event)[0];
    expect(s.value).toBe(end);
  });
});
