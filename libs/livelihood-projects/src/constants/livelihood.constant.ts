export const LIVELIHOOD_VOTE_WORKFLOW = 'livelihood-vote';

/** Where a candidate project came from: the government's own collection, or a proposal from the public it adopted. */
export enum CandidateSource {
  GOVERNMENT = 'GOVERNMENT',
  PUBLIC = 'PUBLIC',
}

export enum ProposalStatus {
  PENDING = 'PENDING',
  ADOPTED = 'ADOPTED',
}

/**
 * Public submissions are anonymous, so they are limited per client (its address, hashed) and per jurisdiction;
 * both counts are read from PostgreSQL, so the limits hold across api instances.
 */
export const PUBLIC_PROPOSAL_LIMITS = Object.freeze({
  perClient: 5,
  perClientWindowMs: 3_600_000,
  perJurisdiction: 500,
  perJurisdictionWindowMs: 86_400_000,
});

/** States in which the candidate list is public: the standing committee approved it (and it was not cancelled). */
export const PUBLIC_VOTE_STATES = ['approved', 'voting', 'runoff', 'tracking', 'done'] as const;

/** The one option of an approval ballot: a deputy approves a candidate or leaves it blank. */
export const APPROVAL = 'APPROVE';
