import type { RoundResult } from '@app/workflows/livelihood-vote';
import { candidateOutcome, CandidateOutcome } from './candidate-outcome.util';

const round = (n: number, approvals: Record<string, number>, chosen: string[], runoff: string[] = []): RoundResult => ({
  round: n, candidateIds: Object.keys(approvals), places: 2, electorate: 10, votersPresent: 10, ballotsReturned: 10, approvals,
  minimumApprovals: 6, chosen, runoff, runoffPlaces: runoff.length > 0 ? 1 : 0,
});

describe(candidateOutcome.name, () => {
  const first = round(1, { a: 9, b: 7, c: 7, d: 3 }, ['a'], ['b', 'c']);

  it('reports a tie at the last place for a run-off, below the threshold as failed, and nothing before a round closed', () => {
    const context = { rounds: [first], chosen: ['a'], runoff: { candidateIds: ['b', 'c'], places: 1 } };
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => candidateOutcome(context, id))).toEqual([
      CandidateOutcome.CHOSEN, CandidateOutcome.RUNOFF, CandidateOutcome.RUNOFF, CandidateOutcome.FAILED, null,
    ]);
  });

  it('decides the tied ones by the run-off: the loser passed the threshold, so it is outranked', () => {
    const context = { rounds: [first, round(2, { b: 6, c: 8 }, ['c'])], chosen: ['a', 'c'], runoff: null };
    expect(['b', 'c'].map((id) => candidateOutcome(context, id))).toEqual([CandidateOutcome.OUTRANKED, CandidateOutcome.CHOSEN]);
  });
});
