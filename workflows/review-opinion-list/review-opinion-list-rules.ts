/**
 * Why the review-opinion list machine refuses an event on the grounds of its content and the list's facts.
 * Every guard is `allowed` = `explainReviewRefusal(...) === null`, so a refusal always has a reason.
 */
import type { ReviewItem, ReviewListContext, ReviewListEvent, ReviewListEventType } from './review-opinion-list.types';

type EventOf<T extends ReviewListEventType> = Extract<ReviewListEvent, { type: T }>;
export type ReviewRule<T extends ReviewListEventType> = (context: ReviewListContext, event: EventOf<T>) => string | null;

const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

export function itemOf(context: ReviewListContext, itemId: string): ReviewItem | undefined {
  return context.items.find((item) => item.id === itemId);
}

const assignRule: ReviewRule<'ASSIGN'> = (ctx, e) => {
  if (ctx.items.length === 0) return 'a list needs at least one review opinion';
  if (e.itemDueAt && !(Date.parse(e.itemDueAt) > Date.parse(e.at))) return 'the items’ deadline must be in the future';
  return null;
};

const reportItemRule: ReviewRule<'REPORT_ITEM'> = (ctx, e) => {
  const item = itemOf(ctx, e.itemId);
  if (!item) return `item ${e.itemId} is not on this list`;
  if (item.unitId !== e.actor.unitId) return 'only the unit the item is assigned to reports on it';
  if (item.status !== 'ASSIGNED' && item.status !== 'SENT_BACK') return `item ${item.position} is ${item.status.toLowerCase()}, not awaiting a report`;
  return isBlank(e.text) ? 'the report text is required' : null;
};

const reportedItemRule = (ctx: ReviewListContext, itemId: string): string | null => {
  const item = itemOf(ctx, itemId);
  if (!item) return `item ${itemId} is not on this list`;
  return item.status === 'REPORTED' ? null : `item ${item.position} has no report to decide on (it is ${item.status.toLowerCase()})`;
};

const closeItemRule: ReviewRule<'CLOSE_ITEM'> = (ctx, e) => reportedItemRule(ctx, e.itemId);

const sendBackRule: ReviewRule<'SEND_BACK_ITEM'> = (ctx, e) => reportedItemRule(ctx, e.itemId) ?? (isBlank(e.reason) ? 'a reason for sending the item back is required' : null);

const submitReportRule: ReviewRule<'SUBMIT_REPORT'> = (ctx, e) => {
  if (e.actor.unitId !== ctx.reportingUnitId) return 'only the reporting body submits the written report on the list';
  const open = ctx.items.filter((item) => item.status !== 'CLOSED').map((item) => item.position);
  if (open.length > 0) return `every item must be closed first; still open: ${open.join(', ')}`;
  return isBlank(e.text) ? 'the report text is required' : null;
};

const reasonRule = (_ctx: ReviewListContext, e: { reason: string }) => (isBlank(e.reason) ? 'a reason is required' : null);

const deadlineRule: ReviewRule<'DEADLINE_PASSED'> = (ctx, e) => (ctx.deadlines[e.deadlineKey] ? null : `no open deadline ${e.deadlineKey}`);

const rules: { [K in ReviewListEventType]: ReviewRule<K> | null } = {
  ASSIGN: assignRule,
  REPORT_ITEM: reportItemRule,
  CLOSE_ITEM: closeItemRule,
  SEND_BACK_ITEM: sendBackRule,
  SUBMIT_REPORT: submitReportRule,
  RECORD_VOTE_RESULT: null,
  CONCLUDE: reasonRule,
  CANCEL: reasonRule,
  DEADLINE_PASSED: deadlineRule,
};

/** The reason the event would be refused, or null when its content and the list's facts allow it. */
export function explainReviewRefusal(context: ReviewListContext, event: ReviewListEvent): string | null {
  const rule = rules[event.type] as ReviewRule<ReviewListEventType> | null | undefined;
  if (rule === undefined) return `unknown event type ${String(event.type)}`;
  return rule ? rule(context, event as never) : null;
}
