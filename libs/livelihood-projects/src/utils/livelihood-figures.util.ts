import type { LivelihoodContext } from '@app/workflows/livelihood-vote';

export interface SatisfactionFacts {
  subjectId: string;
  ballotsReturned: number | null;
  satisfied: number | null;
  basicallySatisfied: number | null;
  unsatisfied: number | null;
  passed: boolean | null;
}

const rate = (count: number, total: number) => (total === 0 ? null : Math.round((count / total) * 10_000) / 10_000);

/**
 * The year's livelihood-project figures from the votes' contexts, the committee reports and the satisfaction results:
 * - projectsChosen: chosen by the deputies' vote (run-offs included);
 * - committeeReports.onTime: progress reports to the standing committee made by their deadline, of those made;
 *   overdue: deadlines that passed without one (escalated);
 * - milestones.onTime: done by their due date, of those due so far;
 * - projectsCompleted: reported at 100%;
 * - satisfaction: the latest closed score of each project; rates over ballots returned.
 */
export function livelihoodFigures(
  contexts: Array<Pick<LivelihoodContext, 'candidates' | 'chosen' | 'rounds' | 'projects' | 'progressOverdue'>>,
  committeeReports: Array<{ onTime: boolean }>,
  satisfaction: SatisfactionFacts[],
  now: Date,
) {
  const projects = contexts.flatMap((c) => c.projects);
  const milestones = projects.flatMap((p) => p.milestones);
  const due = milestones.filter((m) => m.doneAt !== null || Date.parse(m.dueAt) <= now.getTime());
  const latest = new Map(satisfaction.map((s) => [s.subjectId, s]));
  const scored = projects.map((p) => latest.get(p.id)).filter((s): s is SatisfactionFacts => s !== undefined && s.passed !== null);
  const sum = (pick: (s: SatisfactionFacts) => number | null) => scored.reduce((total, s) => total + (pick(s) ?? 0), 0);
  const returned = sum((s) => s.ballotsReturned);
  const onTime = committeeReports.filter((r) => r.onTime).length;
  return {
    candidates: contexts.reduce((n, c) => n + c.candidates.filter((x) => !x.withdrawn).length, 0),
    rounds: contexts.reduce((n, c) => n + c.rounds.length, 0),
    projectsChosen: contexts.reduce((n, c) => n + c.chosen.length, 0),
    committeeReports: { made: committeeReports.length, onTime, onTimeRate: rate(onTime, committeeReports.length), overdue: contexts.reduce((n, c) => n + c.progressOverdue, 0) },
    milestones: {
      total: milestones.length,
      done: milestones.filter((m) => m.doneAt !== null).length,
      onTime: due.filter((m) => m.doneAt !== null && Date.parse(m.doneAt) <= Date.parse(m.dueAt)).length,
      overdue: milestones.filter((m) => m.overdue).length,
    },
    projectsCompleted: projects.filter((p) => p.progress === 100).length,
    satisfaction: {
      projectsScored: scored.length,
      passed: scored.filter((s) => s.passed).length,
      ballotsReturned: returned,
      satisfied: sum((s) => s.satisfied),
      basicallySatisfied: sum((s) => s.basicallySatisfied),
      unsatisfied: sum((s) => s.unsatisfied),
      satisfiedRate: rate(sum((s) => s.satisfied), returned),
      satisfiedOrBasicallyRate: rate(sum((s) => s.satisfied) + sum((s) => s.basicallySatisfied), returned),
    },
  };
}
