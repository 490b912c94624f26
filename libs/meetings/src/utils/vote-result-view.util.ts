import { percentOf } from '@app/workflows/vote-session';

export interface VoteCounts {
  ballotsReturned: number | null;
  satisfied: number | null;
  basicallySatisfied: number | null;
  unsatisfied: number | null;
}

/** Ballots returned and each option's count with its share of them, as every view of a closed vote shows it. */
export function countsWithShares(counts: VoteCounts) {
  const returned = counts.ballotsReturned ?? 0;
  const option = (count: number | null) => ({ count: count ?? 0, percent: percentOf(count ?? 0, returned) });
  return {
    ballotsReturned: returned,
    satisfied: option(counts.satisfied),
    basicallySatisfied: option(counts.basicallySatisfied),
    unsatisfied: option(counts.unsatisfied),
  };
}
