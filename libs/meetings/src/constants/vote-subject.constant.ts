/**
 * What a vote item scores. Each kind belongs to the domain that registers a VoteSubjectProvider for it
 * (vote-subject-registry.service.ts); a new kind is a new member here and a provider in its own lib.
 */
export enum VoteSubjectKind {
  /** A key suggestion heard by the council (重点建议办理情况). */
  KEY_SUGGESTION = 'KEY_SUGGESTION',
  /** The written report on a review-opinion list (审议意见研究处理情况的报告). */
  REVIEW_OPINION_LIST = 'REVIEW_OPINION_LIST',
  /** A livelihood project chosen by the deputies' vote, scored at year end (民生实事项目满意度测评). */
  LIVELIHOOD_PROJECT = 'LIVELIHOOD_PROJECT',
}

export const VOTE_SUBJECT_KINDS: readonly VoteSubjectKind[] = Object.freeze(Object.values(VoteSubjectKind));
