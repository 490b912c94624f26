import type { LivelihoodContext, RoundResult } from '@app/workflows/livelihood-vote';

export enum CandidateOutcome {
  CHOSEN = 'CHOSEN',
  /** Tied across the last place: waits for the run-off. */
  RUNOFF = 'RUNOFF',
  /** Passed the threshold but had too few approvals for a place. */
  OUTRANKED = 'OUTRANKED',
  /** Did not pass the threshold. */
  FAILED = 'FAILED',
}

/** The last round a candidate was on the ballot of, if any. */
export function lastRoundOf(context: Pick<LivelihoodContext, 'rounds'>, candidateId: string): RoundResult | undefined {
  return [...context.rounds].reverse().find((round) => round.candidateIds.includes(candidateId));
}

/** Where each candidate stands after the rounds closed so far; null before its first round closed. */
export function candidateOutcome(context: Pick<LivelihoodContext, 'rounds' | 'chosen' | 'runoff'>, candidateId: string): CandidateOutcome | null {
  if (context.chosen.includes(candidateId)) return CandidateOutcome.CHOSEN;
  if (context.runoff?.candidateIds.includes(candidateId)) return CandidateOutcome.RUNOFF;
  const round = lastRoundOf(context, candidateId);
  if (!round) return null;
  return (round.approvals[candidateId] ?? 0) >= round.minimumApprovals ? CandidateOutcome.OUTRANKED : CandidateOutcome.FAILED;
}
