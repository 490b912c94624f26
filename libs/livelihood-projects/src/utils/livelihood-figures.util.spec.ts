import type { TrackedProject } from '@app/workflows/livelihood-vote';
import { livelihoodFigures } from './livelihood-figures.util';

const project = (id: string, progress: number, milestones: TrackedProject['milestones'] = []): TrackedProject => ({
  id, unitId: null, milestones, progress, reportCount: 1, lastReportAt: null, score: null,
});
const milestone = (dueAt: string, doneAt: string | null, overdue = false) => ({ id: dueAt, title: 'm', dueAt, doneAt, overdue });
const context = {
  candidates: [{ id: 'a', unitId: null, withdrawn: false }, { id: 'b', unitId: null, withdrawn: false }, { id: 'c', unitId: null, withdrawn: true }],
  chosen: ['a', 'b'],
  rounds: [],
  progressOverdue: 1,
  projects: [
    project('a', 100, [milestone('2026-03-31T15:59:59.999Z', '2026-03-20T02:00:00.000Z'), milestone('2026-09-30T15:59:59.999Z', '2026-10-02T02:00:00.000Z')]),
    project('b', 60, [milestone('2026-05-31T15:59:59.999Z', null, true), milestone('2027-05-31T15:59:59.999Z', null)]),
  ],
};
const score = (subjectId: string, satisfied: number, basically: number, unsatisfied: number, passed: boolean | null) => ({
  subjectId, ballotsReturned: satisfied + basically + unsatisfied, satisfied, basicallySatisfied: basically, unsatisfied, passed,
});

describe(livelihoodFigures.name, () => {
  const now = new Date('2026-12-31T00:00:00Z');

  it('counts chosen and completed projects, reports on time and milestones done by their date', () => {
    const figures = livelihoodFigures([context], [{ onTime: true }, { onTime: false }, { onTime: true }], [], now);
    expect(figures).toMatchObject({
      candidates: 2, projectsChosen: 2, projectsCompleted: 1,
      committeeReports: { made: 3, onTime: 2, onTimeRate: 0.6667, overdue: 1 },
      // Done late counts as done, not on time; one not yet due is not counted against anyone.
      milestones: { total: 4, done: 2, onTime: 1, overdue: 1 },
      satisfaction: { projectsScored: 0, satisfiedRate: null },
    });
  });

  it('takes each project’s latest closed score, and rates over the ballots returned', () => {
    const figures = livelihoodFigures([context], [], [score('a', 1, 1, 8, false), score('a', 6, 3, 1, true), score('b', 5, 3, 2, true), score('z', 9, 0, 0, true)], now);
    expect(figures.satisfaction).toEqual({
      projectsScored: 2, passed: 2, ballotsReturned: 20, satisfied: 11, basicallySatisfied: 6, unsatisfied: 3, satisfiedRate: 0.55, satisfiedOrBasicallyRate: 0.85,
    });
  });
});
