import { initialTransition, transition } from 'xstate';
import { Role, SYSTEM_ACTOR, type Actor } from '../common/actor';
import { livelihoodVoteMachineV1 } from './livelihood-vote.machine.v1';
import { mayActorSendLivelihoodEvent } from './livelihood-vote-permissions';
import { explainLivelihoodRefusal } from './livelihood-vote-rules';
import { persistLivelihoodSnapshot, restoreLivelihoodSnapshot } from './livelihood-vote-snapshot.util';
import type { LivelihoodEvent, LivelihoodEventPayload } from './livelihood-vote.types';

const machine = livelihoodVoteMachineV1;
const DUE = { PROGRESS_REPORT: '2026-04-10T00:00:00.000Z' };
const office: Actor = { userId: 'o', roles: [Role.OFFICE], deputyId: null, unitId: null };
const gov: Actor = { userId: 'g', roles: [Role.GOV_OFFICE], deputyId: null, unitId: null };
const unit: Actor = { userId: 'u', roles: [Role.UNIT_STAFF], deputyId: null, unitId: 'unit-a' };
const at = '2026-01-10T00:00:00.000Z';

function run(steps: Array<[LivelihoodEventPayload, Actor]>, places = 2) {
  let [s] = initialTransition(machine, { year: 2026, places, rules: { approvalShare: 0.5 } });
  let actions: Array<{ type: string; params?: unknown }> = [];
  for (const [payload, actor] of steps) [s, actions] = transition(machine, s, { ...payload, actor, at, due: DUE } as LivelihoodEvent);
  return { s, actions };
}
const add = (id: string): [LivelihoodEventPayload, Actor] => [{ type: 'ADD_CANDIDATE', candidateId: id, unitId: 'unit-a' }, gov];
const approved: Array<[LivelihoodEventPayload, Actor]> = [add('c1'), add('c2'), add('c3'), add('c4'), [{ type: 'SUBMIT_LIST' }, gov], [{ type: 'APPROVE_LIST' }, office]];
const open: [LivelihoodEventPayload, Actor] = [{ type: 'OPEN', voters: ['d1', 'd2', 'd3'], electorate: 10 }, office];
const close = (...approvals: number[]): [LivelihoodEventPayload, Actor] => [
  { type: 'CLOSE', tallies: approvals.map((n, i) => ({ candidateId: `c${i + 1}`, approvals: n })), ballotsReturned: 3 }, office,
];

describe('livelihood vote machine v1', () => {
  it('needs more candidates than places before the list goes to review', () => {
    const { s } = run([add('c1'), add('c2')]);
    expect(explainLivelihoodRefusal(s.context, { type: 'SUBMIT_LIST', actor: gov, at, due: DUE })).toBe('差额票决 needs more candidates than places: 2 candidates for 2 places');
  });

  it('fixes the voters of the round and its candidates when the vote opens', () => {
    const { s, actions } = run([...approved, open]);
    expect(s.value).toBe('voting');
    expect(actions).toContainEqual(expect.objectContaining({ type: 'fixEntitledVoters', params: { round: 1, voters: ['d1', 'd2', 'd3'], candidateIds: ['c1', 'c2', 'c3', 'c4'] } }));
  });

  it('chooses the top places above the threshold and starts tracking with a progress deadline', () => {
    const { s } = run([...approved, open, close(9, 8, 6, 2)]);
    expect(s.value).toBe('tracking');
    expect(s.context.chosen).toEqual(['c1', 'c2']);
    expect(s.context.projects.map((p) => p.id)).toEqual(['c1', 'c2']);
    expect(s.context.deadlines).toEqual({ progress: { kind: 'PROGRESS_REPORT', dueAt: DUE.PROGRESS_REPORT, unitId: null } });
  });

  it('reports a tie at the boundary for a run-off, then votes the tied ones for the places left', () => {
    const tied = run([...approved, open, close(9, 7, 7, 2)]);
    expect(tied.s.value).toBe('runoff');
    expect(tied.s.context.runoff).toEqual({ candidateIds: ['c2', 'c3'], places: 1 });
    const runoff = run([...approved, open, close(9, 7, 7, 2), [{ type: 'OPEN_RUNOFF', voters: ['d1', 'd2', 'd3'], electorate: 10 }, office]]);
    expect(runoff.s.context.ballot).toMatchObject({ round: 2, candidateIds: ['c2', 'c3'], places: 1 });
    const decided = run([
      ...approved, open, close(9, 7, 7, 2), [{ type: 'OPEN_RUNOFF', voters: ['d1', 'd2', 'd3'], electorate: 10 }, office],
      [{ type: 'CLOSE', tallies: [{ candidateId: 'c2', approvals: 6 }, { candidateId: 'c3', approvals: 8 }], ballotsReturned: 3 }, office],
    ]);
    expect(decided.s.value).toBe('tracking');
    expect(decided.s.context.chosen).toEqual(['c1', 'c3']);
  });

  it('tracks milestones as deadlines and closes them with progress reports', () => {
    const tracking = [...approved, open, close(9, 8, 6, 2)];
    const milestones: [LivelihoodEventPayload, Actor] = [{ type: 'SET_MILESTONES', projectId: 'c1', milestones: [{ id: 'm1', title: '开工', dueAt: '2026-05-01T00:00:00.000Z' }] }, unit];
    expect(run([...tracking, milestones]).s.context.deadlines.milestone_m1).toEqual({ kind: 'PROJECT_MILESTONE', dueAt: '2026-05-01T00:00:00.000Z', unitId: 'unit-a' });
    const { s } = run([...tracking, milestones, [{ type: 'REPORT_PROGRESS', projectId: 'c1', percent: 40, text: '已开工。', milestoneIds: ['m1'] }, unit]]);
    expect(s.context.projects[0]).toMatchObject({ progress: 40, reportCount: 1, milestones: [{ id: 'm1', doneAt: at }] });
    expect(s.context.deadlines.milestone_m1).toBeUndefined();
    const back = { type: 'REPORT_PROGRESS', projectId: 'c1', percent: 10, text: 'x', milestoneIds: [], actor: unit, at, due: DUE } as LivelihoodEvent;
    expect(explainLivelihoodRefusal(s.context, back)).toBe('progress cannot go back from 40% to 10%');
  });

  it('ends once every chosen project is scored', () => {
    const tracking = [...approved, open, close(9, 8, 6, 2)];
    const score = (id: string): [LivelihoodEventPayload, Actor] => [{ type: 'RECORD_VOTE_RESULT', voteSessionId: 'v', passed: true, subjectId: id }, SYSTEM_ACTOR];
    expect(run([...tracking, score('c1')]).s.value).toBe('tracking');
    expect(run([...tracking, score('c1'), score('c2')]).s.value).toBe('done');
  });

  it('survives persisting and restoring', () => {
    const { s } = run([...approved, open]);
    const restored = restoreLivelihoodSnapshot(machine, persistLivelihoodSnapshot(s));
    expect(transition(machine, restored, { ...close(9, 8, 6, 2)[0], actor: office, at, due: DUE } as LivelihoodEvent)[0].value).toBe('tracking');
  });

  it.each<[string, LivelihoodEventPayload['type'], Actor, boolean]>([
    ['the government office collects', 'ADD_CANDIDATE', gov, true],
    ['a unit does not collect', 'ADD_CANDIDATE', unit, false],
    ['only the office opens the vote', 'OPEN', gov, false],
    ['the government reports to the committee', 'REPORT_TO_COMMITTEE', gov, true],
    ['the office records no vote result itself', 'RECORD_VOTE_RESULT', office, false],
  ])('%s', (_name, type, actor, allowed) => expect(mayActorSendLivelihoodEvent(type, actor, run([]).s.context)).toBe(allowed));
});
