export const REVIEW_OPINION_LIST_WORKFLOW = 'review-opinion-list';

/** Roles that see every list of their jurisdiction; units see only lists they have an item on or report for. */
export const REVIEW_READER_ROLES = ['OFFICE', 'GOV_OFFICE', 'GOV_LEADER', 'SC_LEADER', 'COUNCIL_MEMBER', 'SC_MEMBER', 'ADMIN'] as const;
