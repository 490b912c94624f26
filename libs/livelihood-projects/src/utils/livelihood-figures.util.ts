import { milestoneDeadlineKey, PROGRESS_DEADLINE_KEY, type LivelihoodContext, type Milestone } from '@app/workflows/livelihood-vote';

export interface SatisfactionFacts {
  subjectId: string;
  voteSessionId: string;
  ballotsReturned: number | null;
  satisfied: number | null;
  basicallySatisfied: number | null;
  unsatisfied: number | null;
  passed: boolean | null;
}

/** One applied event of a vote (its audit entry), reduced to what the figures as of a date need. */
export interface LivelihoodTrailEntry {
  voteId: string;
  type: string;
  toState: string;
  /** The candidate, project or deadline key the event names, if any. */
  subject: string | null;
  voteSessionId: string | null;
  at: Date;
}

export interface LivelihoodFigureFacts {
  votes: Array<{ id: string; context: Pick<LivelihoodContext, 'candidates' | 'chosen' | 'rounds' | 'projects' | 'progressOverdue'> }>;
  /** Every applied event of these votes, oldest first. */
  trail: LivelihoodTrailEntry[];
  progressReports: Array<{ projectId: string; percent: number; reportedAt: Date }>;
  committeeReports: Array<{ reportedAt: Date; onTime: boolean }>;
  satisfaction: SatisfactionFacts[];
}

type Context = LivelihoodFigureFacts['votes'][number]['context'];
type VoteAsOf = Pick<Context, 'candidates' | 'chosen' | 'rounds' | 'progressOverdue'> & {
  projects: Array<{ id: string; progress: number; milestones: Milestone[] }>;
};

const rate = (count: number, total: number) => (total === 0 ? null : Math.round((count / total) * 10_000) / 10_000);
const happenedBy = (instant: Date | string, asOf: Date) => new Date(instant).getTime() <= asOf.getTime();

/**
 * A vote as it stood at `asOf`, from its present context and the dated facts: the audit trail (candidates added and
 * withdrawn, rounds closed, milestones set, deadlines escalated) and the progress reports. A round's result and a
 * milestone's due date never change once recorded, so the present context holds them; only what happened later is dropped.
 */
export function voteAsOf(context: Context, trail: LivelihoodTrailEntry[], reports: LivelihoodFigureFacts['progressReports'], asOf: Date): VoteAsOf {
  const past = trail.filter((e) => happenedBy(e.at, asOf));
  const named = (type: string) => new Set(past.filter((e) => e.type === type).map((e) => e.subject));
  const [added, withdrawn, planned, passed] = ['ADD_CANDIDATE', 'WITHDRAW_CANDIDATE', 'SET_MILESTONES', 'DEADLINE_PASSED'].map(named);
  const closed = past.filter((e) => e.type === 'CLOSE').length;
  const allClosed = closed >= context.rounds.length;
  const rounds = context.rounds.slice(0, closed);
  const reported = reports.filter((r) => happenedBy(r.reportedAt, asOf));
  return {
    candidates: context.candidates.filter((c) => added.has(c.id)).map((c) => ({ ...c, withdrawn: withdrawn.has(c.id) })),
    rounds,
    chosen: allClosed ? context.chosen : rounds.flatMap((r) => r.chosen),
    // Projects are tracked from the close of the last round on.
    projects: (allClosed ? context.projects : []).map((p) => ({
      id: p.id,
      // Progress never goes back, so the highest reported is the last.
      progress: Math.max(0, ...reported.filter((r) => r.projectId === p.id).map((r) => r.percent)),
      milestones: (planned.has(p.id) ? p.milestones : []).map((m) => ({
        ...m, doneAt: m.doneAt !== null && happenedBy(m.doneAt, asOf) ? m.doneAt : null, overdue: passed.has(milestoneDeadlineKey(m.id)),
      })),
    })),
    progressOverdue: past.filter((e) => e.type === 'DEADLINE_PASSED' && e.subject === PROGRESS_DEADLINE_KEY).length,
  };
}

/** The state each vote was in at `asOf` (its last event's), and its electorate once the first round had opened. */
export function votesAsOf<V extends { id: string; state: string; electorate: number | null }>(votes: V[], trail: LivelihoodTrailEntry[], asOf: Date): V[] {
  return votes.map((vote) => {
    const past = trail.filter((e) => e.voteId === vote.id && happenedBy(e.at, asOf));
    return { ...vote, state: past.at(-1)?.toState ?? vote.state, electorate: past.some((e) => e.type === 'OPEN') ? vote.electorate : null };
  });
}

/**
 * The year's livelihood-project figures as they stood at `asOf`, from the votes, the committee reports and the
 * satisfaction results:
 * - projectsChosen: chosen by the deputies' vote (run-offs included) by then;
 * - committeeReports.onTime: progress reports to the standing committee made by their deadline, of those made by then;
 *   overdue: deadlines that passed without one (escalated) by then;
 * - milestones.onTime: done by their due date, of those due (or done) by then;
 * - projectsCompleted: last reported at 100% by then;
 * - satisfaction: the latest score of each project recorded by then; rates over ballots returned.
 */
export function livelihoodFigures(facts: LivelihoodFigureFacts, asOf: Date) {
  const votes = facts.votes.map((v) => voteAsOf(v.context, facts.trail.filter((e) => e.voteId === v.id), projectReports(facts, v.context), asOf));
  const projects = votes.flatMap((c) => c.projects);
  const milestones = projects.flatMap((p) => p.milestones);
  const due = milestones.filter((m) => m.doneAt !== null || happenedBy(m.dueAt, asOf));
  const committeeReports = facts.committeeReports.filter((r) => happenedBy(r.reportedAt, asOf));
  const onTime = committeeReports.filter((r) => r.onTime).length;
  return {
    candidates: votes.reduce((n, c) => n + c.candidates.filter((x) => !x.withdrawn).length, 0),
    rounds: votes.reduce((n, c) => n + c.rounds.length, 0),
    projectsChosen: votes.reduce((n, c) => n + c.chosen.length, 0),
    committeeReports: { made: committeeReports.length, onTime, onTimeRate: rate(onTime, committeeReports.length), overdue: votes.reduce((n, c) => n + c.progressOverdue, 0) },
    milestones: {
      total: milestones.length,
      done: milestones.filter((m) => m.doneAt !== null).length,
      onTime: due.filter((m) => m.doneAt !== null && Date.parse(m.doneAt) <= Date.parse(m.dueAt)).length,
      overdue: milestones.filter((m) => m.overdue).length,
    },
    projectsCompleted: projects.filter((p) => p.progress === 100).length,
    satisfaction: satisfactionFigures(projects, scoredBy(facts, asOf)),
  };
}

function projectReports(facts: LivelihoodFigureFacts, context: Context) {
  const ids = new Set(context.projects.map((p) => p.id));
  return facts.progressReports.filter((r) => ids.has(r.projectId));
}

/** The results whose RECORD_VOTE_RESULT had reached the project's vote by `asOf` (the session closed by then). */
function scoredBy(facts: LivelihoodFigureFacts, asOf: Date): SatisfactionFacts[] {
  const recorded = new Set(facts.trail.filter((e) => e.type === 'RECORD_VOTE_RESULT' && happenedBy(e.at, asOf)).map((e) => `${e.voteSessionId}_${e.subject}`));
  return facts.satisfaction.filter((s) => recorded.has(`${s.voteSessionId}_${s.subjectId}`));
}

function satisfactionFigures(projects: Array<{ id: string }>, satisfaction: SatisfactionFacts[]) {
  const latest = new Map(satisfaction.map((s) => [s.subjectId, s]));
  const scored = projects.map((p) => latest.get(p.id)).filter((s): s is SatisfactionFacts => s !== undefined && s.passed !== null);
  const sum = (pick: (s: SatisfactionFacts) => number | null) => scored.reduce((total, s) => total + (pick(s) ?? 0), 0);
  const returned = sum((s) => s.ballotsReturned);
  return {
    projectsScored: scored.length,
    passed: scored.filter((s) => s.passed).length,
    ballotsReturned: returned,
    satisfied: sum((s) => s.satisfied),
    basicallySatisfied: sum((s) => s.basicallySatisfied),
    unsatisfied: sum((s) => s.unsatisfied),
    satisfiedRate: rate(sum((s) => s.satisfied), returned),
    satisfiedOrBasicallyRate: rate(sum((s) => s.satisfied) + sum((s) => s.basicallySatisfied), returned),
  };
}
