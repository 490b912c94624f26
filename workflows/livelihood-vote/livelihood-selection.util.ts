/**
 * 差额票决: each deputy approves at most K of N candidates; the K with most approvals that pass the threshold
 * (more than a share of ALL deputies, not of those present) are chosen. Candidates tied across the last place
 * cannot all be chosen and cannot be told apart, so they go to a run-off for the places left.
 */
export interface CandidateApprovals {
  candidateId: string;
  approvals: number;
}

export interface SelectionRules {
  places: number;
  /** Deputies of the whole congress, fixed when the vote opens. */
  electorate: number;
  /** Approvals must exceed this share of the electorate (default 0.5: more than half). */
  approvalShare: number;
}

export interface SelectionResult {
  /** Chosen in this round, most approvals first. */
  chosen: string[];
  /** Tied across the last place: a run-off decides `runoffPlaces` of them. */
  runoff: string[];
  runoffPlaces: number;
  /** Passed the threshold but had too few approvals for a place. */
  outranked: string[];
  /** Did not pass the threshold. */
  failed: string[];
  /** The least number of approvals that passes. */
  minimumApprovals: number;
}

/** Integers against a fraction: the least whole number strictly greater than share × electorate. */
export function minimumApprovals(electorate: number, share: number): number {
  return Math.floor(electorate * share) + 1;
}

export function selectProjects(tallies: CandidateApprovals[], rules: SelectionRules): SelectionResult {
  const minimum = minimumApprovals(rules.electorate, rules.approvalShare);
  const byApprovals = [...tallies].sort((a, b) => b.approvals - a.approvals || a.candidateId.localeCompare(b.candidateId));
  const passing = byApprovals.filter((t) => t.approvals >= minimum);
  const failed = byApprovals.filter((t) => t.approvals < minimum).map((t) => t.candidateId);
  const empty = { chosen: [], runoff: [], runoffPlaces: 0, outranked: [], failed, minimumApprovals: minimum };
  if (rules.places <= 0) return { ...empty, outranked: passing.map((t) => t.candidateId) };
  if (passing.length <= rules.places) return { ...empty, chosen: passing.map((t) => t.candidateId) };
  const boundary = passing[rules.places - 1].approvals;
  const above = passing.filter((t) => t.approvals > boundary).map((t) => t.candidateId);
  const atBoundary = passing.filter((t) => t.approvals === boundary).map((t) => t.candidateId);
  const below = passing.filter((t) => t.approvals < boundary).map((t) => t.candidateId);
  if (above.length + atBoundary.length <= rules.places) return { ...empty, chosen: [...above, ...atBoundary], outranked: below };
  return { ...empty, chosen: above, runoff: atBoundary, runoffPlaces: rules.places - above.length, outranked: below };
}
