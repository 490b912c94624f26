/**
 * Model-based coverage: traverse the livelihood-vote machine's graph with @xstate/graph from sample events
 * (permission first, then the machine) and check that every state node and transition is reached, and that
 * each end is reached by a path that replays with the pure transition().
 */
import { getAdjacencyMap, getShortestPaths } from '@xstate/graph';
import { initialTransition, transition } from 'xstate';
import { definedStateIds, definedTransitionIds, reachedStateIds, takenTransitionIds } from '../common/testing/graph-coverage';
import { Role, SYSTEM_ACTOR, type Actor } from '../common/actor';
import { livelihoodVoteMachineV1 } from './livelihood-vote.machine.v1';
import { mayActorSendLivelihoodEvent } from './livelihood-vote-permissions';
import type { LivelihoodEvent, LivelihoodEventPayload } from './livelihood-vote.types';

const machine = livelihoodVoteMachineV1;
const AT = '2026-01-10T02:00:00.000Z';
const DUE = { PROGRESS_REPORT: '2026-04-10T15:59:59.999Z' };
const office: Actor = { userId: 'office-1', roles: [Role.OFFICE], deputyId: null, unitId: null };
const gov: Actor = { userId: 'gov-1', roles: [Role.GOV_OFFICE], deputyId: null, unitId: null };
const unit: Actor = { userId: 'u-1', roles: [Role.UNIT_STAFF], deputyId: null, unitId: 'unit-a' };
const deputy: Actor = { userId: 'd-1', roles: [Role.DEPUTY], deputyId: 'd1', unitId: null };
const sample = (payload: LivelihoodEventPayload, actor: Actor): LivelihoodEvent => ({ ...payload, actor, at: AT, due: DUE });
const voters = ['d1', 'd2', 'd3', 'd4'];

const tally = (...approvals: Array<[string, number]>) => approvals.map(([candidateId, n]) => ({ candidateId, approvals: n }));
const SAMPLES: LivelihoodEvent[] = [
  sample({ type: 'ADD_CANDIDATE', candidateId: 'c1', unitId: 'unit-a' }, gov),
  sample({ type: 'ADD_CANDIDATE', candidateId: 'c2', unitId: 'unit-a' }, gov),
  sample({ type: 'ADD_CANDIDATE', candidateId: 'c3', unitId: null }, gov),
  sample({ type: 'ADD_CANDIDATE', candidateId: 'c4', unitId: null }, office),
  sample({ type: 'ADD_CANDIDATE', candidateId: 'c5', unitId: null }, deputy),
  sample({ type: 'WITHDRAW_CANDIDATE', candidateId: 'c4', reason: '重复。' }, gov),
  sample({ type: 'SUBMIT_LIST' }, gov),
  sample({ type: 'RETURN_LIST', reason: '再论证。' }, office),
  sample({ type: 'APPROVE_LIST' }, office),
  sample({ type: 'OPEN', voters, electorate: 4 }, office),
  sample({ type: 'OPEN_RUNOFF', voters, electorate: 4 }, office),
  sample({ type: 'CLOSE', tallies: tally(['c1', 4], ['c2', 3], ['c3', 1]), ballotsReturned: 4 }, office),
  sample({ type: 'CLOSE', tallies: tally(['c1', 4], ['c2', 3], ['c3', 3]), ballotsReturned: 4 }, office),
  sample({ type: 'CLOSE', tallies: tally(['c2', 4], ['c3', 0]), ballotsReturned: 4 }, office),
  sample({ type: 'SET_MILESTONES', projectId: 'c1', milestones: [{ id: 'm1', title: '开工', dueAt: '2026-06-30T15:59:59.999Z' }] }, unit),
  sample({ type: 'REPORT_PROGRESS', projectId: 'c1', percent: 50, text: '开工。', milestoneIds: ['m1'] }, unit),
  sample({ type: 'REPORT_TO_COMMITTEE', text: '一季度进展。' }, gov),
  sample({ type: 'DEADLINE_PASSED', deadlineKey: 'progress' }, SYSTEM_ACTOR),
  sample({ type: 'DEADLINE_PASSED', deadlineKey: 'milestone_m1' }, SYSTEM_ACTOR),
  sample({ type: 'RECORD_VOTE_RESULT', voteSessionId: 'v1', passed: true, subjectId: 'c1' }, SYSTEM_ACTOR),
  sample({ type: 'RECORD_VOTE_RESULT', voteSessionId: 'v1', passed: false, subjectId: 'c2' }, SYSTEM_ACTOR),
  sample({ type: 'CONCLUDE', reason: '年度结束。' }, office),
  sample({ type: 'CANCEL', reason: '会议取消。' }, office),
];

type Snapshot = ReturnType<typeof initialTransition<typeof machine>>[0];
const eventsFor = (s: Snapshot) => SAMPLES.filter((e) => mayActorSendLivelihoodEvent(e.type, e.actor, s.context) && s.can(e));
const serialize = (s: Snapshot) =>
  JSON.stringify({
    value: s.value, c: s.context.candidates.map((c) => [c.id, c.withdrawn]), r: Math.min(s.context.rounds.length, 2), chosen: s.context.chosen,
    p: s.context.projects.map((p) => [p.milestones.map((m) => [m.doneAt !== null, m.overdue]), p.progress, p.score !== null]),
    d: Object.keys(s.context.deadlines).sort(), reports: Math.min(s.context.committeeReports, 1),
  });

describe('livelihood vote machine v1 graph', () => {
  const [initial] = initialTransition(machine, { year: 2026, places: 2, rules: { approvalShare: 0.5 } });
  const adjacency = getAdjacencyMap(machine, { fromState: initial, events: eventsFor, serializeState: serialize });
  const snapshots = Object.values(adjacency).map((v) => v.state as Snapshot);

  it('reaches every state node', () => {
    const defined = definedStateIds(machine);
    const reached = reachedStateIds(adjacency);
    expect(defined.filter((id) => !reached.has(id))).toEqual([]);
    expect(defined).toHaveLength(8);
  });

  it('takes every transition of the definition', () => {
    const defined = definedTransitionIds(machine);
    const taken = takenTransitionIds(machine, adjacency);
    expect([...defined].filter((id) => !taken.has(id))).toEqual([]);
    expect(defined.size).toBe(19);
  });

  it('offers a deputy nothing (ballots never reach the machine), and nothing after the end', () => {
    for (const s of snapshots) {
      expect(eventsFor(s).some((e) => e.actor === deputy)).toBe(false);
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
