import type { RoundResult, TrackedProject } from '@app/workflows/livelihood-vote';
import { livelihoodFigures, LivelihoodTrailEntry, votesAsOf } from './livelihood-figures.util';

const project = (id: string, progress: number, milestones: TrackedProject['milestones'] = []): TrackedProject => ({
  id, unitId: null, milestones, progress, reportCount: 1, lastReportAt: null, score: null,
});
const milestone = (id: string, dueAt: string, doneAt: string | null, overdue = false) => ({ id, title: 'm', dueAt, doneAt, overdue });
const round = (chosen: string[]) => ({ chosen }) as RoundResult;
const context = {
  candidates: [{ id: 'a', unitId: null, withdrawn: false }, { id: 'b', unitId: null, withdrawn: false }, { id: 'c', unitId: null, withdrawn: true }],
  chosen: ['a', 'b'],
  rounds: [round(['a']), round(['b'])],
  progressOverdue: 1,
  projects: [
    project('a', 100, [milestone('m1', '2026-03-31T15:59:59.999Z', '2026-03-20T02:00:00.000Z'), milestone('m2', '2026-09-30T15:59:59.999Z', '2026-10-02T02:00:00.000Z')]),
    project('b', 60, [milestone('m3', '2026-05-31T15:59:59.999Z', null, true), milestone('m4', '2027-05-31T15:59:59.999Z', null)]),
  ],
};
const event = (type: string, at: string, subject: string | null = null, extra: Partial<LivelihoodTrailEntry> = {}): LivelihoodTrailEntry => ({
  voteId: 'v', type, toState: 'tracking', subject, voteSessionId: null, at: new Date(at), ...extra,
});
const trail = [
  event('CREATE', '2026-01-01T01:00:00Z', null, { toState: 'collecting' }),
  ...['a', 'b', 'c'].map((id) => event('ADD_CANDIDATE', '2026-01-01T02:00:00Z', id, { toState: 'collecting' })),
  event('WITHDRAW_CANDIDATE', '2026-01-02T02:00:00Z', 'c', { toState: 'collecting' }),
  event('OPEN', '2026-01-05T01:00:00Z', null, { toState: 'voting' }),
  event('CLOSE', '2026-01-05T02:00:00Z', null, { toState: 'runoff' }),
  event('CLOSE', '2026-01-10T02:00:00Z'),
  event('SET_MILESTONES', '2026-01-11T02:00:00Z', 'a'),
  event('SET_MILESTONES', '2026-01-11T02:00:00Z', 'b'),
  event('DEADLINE_PASSED', '2026-06-01T02:00:00Z', 'milestone_m3'),
  event('DEADLINE_PASSED', '2026-06-21T02:00:00Z', 'progress'),
  event('RECORD_VOTE_RESULT', '2026-07-01T02:00:00Z', 'a', { voteSessionId: 's0' }),
  event('RECORD_VOTE_RESULT', '2026-12-20T02:00:00Z', 'a', { voteSessionId: 's1' }),
  event('RECORD_VOTE_RESULT', '2026-12-20T02:00:00Z', 'b', { voteSessionId: 's1', toState: 'done' }),
];
const report = (projectId: string, percent: number, at: string) => ({ projectId, percent, reportedAt: new Date(at) });
const progressReports = [report('a', 40, '2026-03-20T02:00:00Z'), report('a', 100, '2026-10-02T02:00:00Z'), report('b', 60, '2026-12-01T02:00:00Z')];
const committee = (at: string, onTime: boolean) => ({ reportedAt: new Date(at), onTime });
const committeeReports = [committee('2026-03-20T02:00:00Z', true), committee('2026-06-25T02:00:00Z', false), committee('2026-12-01T02:00:00Z', true)];
const score = (subjectId: string, voteSessionId: string, satisfied: number, basically: number, unsatisfied: number, passed: boolean | null) => ({
  subjectId, voteSessionId, ballotsReturned: satisfied + basically + unsatisfied, satisfied, basicallySatisfied: basically, unsatisfied, passed,
});
const satisfaction = [score('a', 's0', 1, 1, 8, false), score('a', 's1', 6, 3, 1, true), score('b', 's1', 5, 3, 2, true), score('z', 's1', 9, 0, 0, true)];
const facts = { votes: [{ id: 'v', context }], trail, progressReports, committeeReports, satisfaction };
const asOf = (iso: string) => livelihoodFigures(facts, new Date(iso));

describe(livelihoodFigures.name, () => {
  it('counts chosen and completed projects, reports on time and milestones done by their date', () => {
    expect(asOf('2026-12-31T00:00:00Z')).toMatchObject({
      candidates: 2, rounds: 2, projectsChosen: 2, projectsCompleted: 1,
      committeeReports: { made: 3, onTime: 2, onTimeRate: 0.6667, overdue: 1 },
      // Done late counts as done, not on time; one not yet due is not counted against anyone.
      milestones: { total: 4, done: 2, onTime: 1, overdue: 1 },
    });
  });

  it('takes each project’s latest score, and rates over the ballots returned', () => {
    expect(asOf('2026-12-31T00:00:00Z').satisfaction).toEqual({
      projectsScored: 2, passed: 2, ballotsReturned: 20, satisfied: 11, basicallySatisfied: 6, unsatisfied: 3, satisfiedRate: 0.55, satisfiedOrBasicallyRate: 0.85,
    });
  });

  it.each([
    ['before the withdrawal', '2026-01-01T12:00:00Z', { candidates: 3, rounds: 0, projectsChosen: 0 }],
    ['between the first round and the run-off: no project tracked yet', '2026-01-07T00:00:00Z', { candidates: 2, rounds: 1, projectsChosen: 1, milestones: { total: 0 } }],
    ['before any milestone was set', '2026-01-10T12:00:00Z', { rounds: 2, projectsChosen: 2, milestones: { total: 0 } }],
  ])('counts the list and the rounds as they stood %s', (_name, iso, expected) => {
    expect(asOf(iso)).toMatchObject(expected);
  });

  it('counts milestones, reports and progress as they stood mid-year', () => {
    expect(asOf('2026-03-19T00:00:00Z')).toMatchObject({
      milestones: { total: 4, done: 0, onTime: 0, overdue: 0 }, committeeReports: { made: 0, onTimeRate: null, overdue: 0 }, projectsCompleted: 0,
    });
    expect(asOf('2026-06-30T00:00:00Z')).toMatchObject({
      milestones: { total: 4, done: 1, onTime: 1, overdue: 1 }, committeeReports: { made: 2, onTime: 1, overdue: 1 }, projectsCompleted: 0,
    });
    expect(asOf('2026-10-02T02:00:00Z')).toMatchObject({ milestones: { done: 2, onTime: 1 }, projectsCompleted: 1 });
  });

  it('counts only the scores recorded by the date', () => {
    expect(asOf('2026-06-30T00:00:00Z').satisfaction).toMatchObject({ projectsScored: 0, ballotsReturned: 0, satisfiedRate: null });
    expect(asOf('2026-12-19T00:00:00Z').satisfaction).toMatchObject({ projectsScored: 1, passed: 0, ballotsReturned: 10, unsatisfied: 8 });
  });
});

describe(votesAsOf.name, () => {
  const vote = { id: 'v', state: 'done', electorate: 200 };

  it.each([
    ['2026-01-03T00:00:00Z', 'collecting', null],
    ['2026-01-05T01:00:00Z', 'voting', 200],
    ['2026-06-30T00:00:00Z', 'tracking', 200],
    ['2026-12-31T00:00:00Z', 'done', 200],
  ])('shows the vote as of %s in state %s', (iso, state, electorate) => {
    expect(votesAsOf([vote], trail, new Date(iso))).toEqual([{ id: 'v', state, electorate }]);
  });
});
