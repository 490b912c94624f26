import type { Actor } from '../common/actor';

/**
 * The contract between the review-opinion list machine and the engine (审议意见清单制): the standing committee
 * adopted review opinions on a report; the office turns them into items, each assigned to a unit with a deadline;
 * units report on their items, the office closes each one (逐条销号) or sends it back, and the reporting body's
 * written report on the whole list goes to a later standing-committee meeting, which may score it.
 * Plain JSON only: snapshots are persisted.
 */

export type ReviewItemStatus = 'ASSIGNED' | 'REPORTED' | 'SENT_BACK' | 'CLOSED';

/** Deadline kinds this machine opens; their lengths come from the profile's reviewOpinions section. */
export enum ReviewDeadlineKind {
  REVIEW_ITEM = 'REVIEW_ITEM',
  REVIEW_REWORK = 'REVIEW_REWORK',
  REVIEW_REPORT = 'REVIEW_REPORT',
  REPORT_AGAIN = 'REPORT_AGAIN',
}

export interface OpenDeadline {
  kind: ReviewDeadlineKind;
  dueAt: string;
  unitId: string | null;
}

export interface ReviewItem {
  id: string;
  position: number;
  unitId: string;
  status: ReviewItemStatus;
  /** The first deadline set at assignment: "closed on time" is measured against it. */
  firstDueAt: string | null;
  dueAt: string | null;
  reportCount: number;
  sentBackCount: number;
  overdue: boolean;
  closedAt: string | null;
  closedOnTime: boolean | null;
}

export interface ReviewScore {
  voteSessionId: string;
  passed: boolean;
}

export interface ReviewListContext {
  /** The body whose written report on the whole list goes to the standing committee. */
  reportingUnitId: string;
  items: ReviewItem[];
  deadlines: Record<string, OpenDeadline>;
  assignedAt: string | null;
  reportDueAt: string | null;
  reportSubmittedAt: string | null;
  reportOverdue: boolean;
  /** 1 for the first report; a failed score asks for another. */
  reportRound: number;
  scores: ReviewScore[];
  concludedAt: string | null;
  cancelReason: string | null;
}

export interface ReviewListInput {
  reportingUnitId: string;
  items: Array<{ id: string; unitId: string }>;
}

export interface ReviewEventEnvelope {
  actor: Actor;
  at: string;
  due: Record<string, string>;
}

export type ReviewListEventPayload =
  | { type: 'ASSIGN'; itemDueAt?: string | null }
  | { type: 'REPORT_ITEM'; itemId: string; text: string }
  | { type: 'CLOSE_ITEM'; itemId: string; note?: string | null }
  | { type: 'SEND_BACK_ITEM'; itemId: string; reason: string }
  | { type: 'SUBMIT_REPORT'; text: string }
  | { type: 'RECORD_VOTE_RESULT'; voteSessionId: string; passed: boolean }
  | { type: 'CONCLUDE'; reason: string }
  | { type: 'CANCEL'; reason: string }
  | { type: 'DEADLINE_PASSED'; deadlineKey: string };

export type ReviewListEventType = ReviewListEventPayload['type'];

export type ReviewListEvent = ReviewListEventPayload & ReviewEventEnvelope;

/** Named side effects the domain performs in the event's transaction. */
export interface ReviewListEffects {
  /** Keeps the unit's report on one item (text beside the item row). */
  storeItemReport: { itemId: string; text: string; at: string };
  /** Keeps the office's reason for sending an item back. */
  storeSendBack: { itemId: string; reason: string; at: string };
  /** Keeps the written report on the whole list. */
  storeListReport: { text: string; at: string };
}
