import type { LivelihoodContext, RoundResult } from '@app/workflows/livelihood-vote';
import { candidateOutcome, CandidateOutcome } from './candidate-outcome.util';

export interface CandidateFacts {
  id: string;
  position: number;
  title: string;
  unitId: string | null;
}

/** How a round's candidates did in it: chosen, tied across the last place, outranked, or below the threshold. */
function outcomeInRound(round: RoundResult, candidateId: string): CandidateOutcome {
  if (round.chosen.includes(candidateId)) return CandidateOutcome.CHOSEN;
  if (round.runoff.includes(candidateId)) return CandidateOutcome.RUNOFF;
  return (round.approvals[candidateId] ?? 0) >= round.minimumApprovals ? CandidateOutcome.OUTRANKED : CandidateOutcome.FAILED;
}

/**
 * The result as announced: every closed round with the approvals of each candidate (most first), who was chosen and
 * who tied at the last place; then the projects chosen so far and the tie still awaiting its run-off. Nothing of a
 * round still open is shown.
 */
export function resultView(context: Pick<LivelihoodContext, 'rounds' | 'chosen' | 'runoff' | 'places'>, candidates: CandidateFacts[]) {
  const titleOf = (id: string) => candidates.find((c) => c.id === id)?.title ?? '';
  const rounds = context.rounds.map((round) => ({
    round: round.round,
    places: round.places,
    electorate: round.electorate,
    minimumApprovals: round.minimumApprovals,
    ballotsIssued: round.votersPresent,
    ballotsReturned: round.ballotsReturned,
    counts: [...round.candidateIds]
      .sort((a, b) => (round.approvals[b] ?? 0) - (round.approvals[a] ?? 0) || positionOf(candidates, a) - positionOf(candidates, b))
      .map((id) => ({ candidateId: id, title: titleOf(id), approvals: round.approvals[id] ?? 0, outcome: outcomeInRound(round, id) })),
    chosen: round.chosen,
    tied: round.runoff,
    tiedPlaces: round.runoffPlaces,
  }));
  return {
    places: context.places,
    rounds,
    chosen: context.chosen.map((id) => ({ candidateId: id, title: titleOf(id) })),
    tie: context.runoff ? { candidateIds: context.runoff.candidateIds, places: context.runoff.places, titles: context.runoff.candidateIds.map(titleOf) } : null,
    outcomes: candidates.map((c) => ({ candidateId: c.id, outcome: candidateOutcome(context, c.id) })),
  };
}

const positionOf = (candidates: CandidateFacts[], id: string) => candidates.find((c) => c.id === id)?.position ?? Number.MAX_SAFE_INTEGER;

export interface ProgressReportFacts {
  projectId: string;
  percent: number;
  text: string;
  /** Milestones the report marked done. */
  milestoneIds: string[];
  reportedAt: Date;
}

/** Each chosen project through the year: unit, milestones, progress reports and the year-end score. */
export function progressView(
  context: Pick<LivelihoodContext, 'projects'>,
  candidates: CandidateFacts[],
  reports: ProgressReportFacts[],
  unitName: (id: string | null) => string | null,
) {
  return context.projects.map((project) => {
    const candidate = candidates.find((c) => c.id === project.id);
    return {
      projectId: project.id,
      title: candidate?.title ?? '',
      unit: unitName(project.unitId),
      progress: project.progress,
      completed: project.progress === 100,
      milestones: project.milestones.map(({ id, title, dueAt, doneAt, overdue }) => ({ id, title, dueAt, doneAt, overdue })),
      reports: reports.filter((r) => r.projectId === project.id).map(({ percent, text, milestoneIds, reportedAt }) => ({ percent, text, milestoneIds, reportedAt })),
      score: project.score,
    };
  });
}
