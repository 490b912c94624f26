import type { VoteRules } from './vote-session.types';

export interface ItemTally {
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
}

export interface ItemResult extends ItemTally {
  returned: number;
  passed: boolean;
  /** Why it passed or failed, in words for the announcement and the audit trail. */
  reason: string;
}

/**
 * One item's result under the profile's threshold: it fails when unsatisfied ballots exceed the share of
 * ballots returned. An item nobody returned a ballot for has no satisfaction to show, so it does not pass.
 */
export function decideItemResult(tally: ItemTally, rules: Pick<VoteRules, 'failWhenUnsatisfiedExceedsShare'>): ItemResult {
  const returned = tally.satisfied + tally.basicallySatisfied + tally.unsatisfied;
  if (returned === 0) return { ...tally, returned, passed: false, reason: 'no ballot was returned for this item' };
  const limit = rules.failWhenUnsatisfiedExceedsShare * returned;
  // Integers against a fraction: compare exactly, without rounding the share.
  const fails = tally.unsatisfied > limit;
  const share = `${tally.unsatisfied} of ${returned} ballots returned were unsatisfied`;
  return fails
    ? { ...tally, returned, passed: false, reason: `${share}, more than the ${formatShare(rules.failWhenUnsatisfiedExceedsShare)} allowed` }
    : { ...tally, returned, passed: true, reason: `${share}, not more than the ${formatShare(rules.failWhenUnsatisfiedExceedsShare)} allowed` };
}

/** A share as a percentage with at most two decimals (0.5 → "50%"). */
export function formatShare(share: number): string {
  return `${Math.round(share * 10000) / 100}%`;
}

/** count ÷ total as a percentage with two decimals, "0.00%" when total is 0. */
export function percentOf(count: number, total: number): string {
  return total === 0 ? '0.00%' : `${((count * 100) / total).toFixed(2)}%`;
}
