/**
 * Who may send which event to a review-opinion list, whatever its state: the office runs the list, units report
 * on their items, the reporting body submits the written report, the system passes deadlines and vote results.
 * Which unit may report on which item is a rule (review-opinion-list-rules.ts), because it depends on the item.
 */
import { hasRole, Role, type Actor } from '../common/actor';
import type { ReviewListContext, ReviewListEventType } from './review-opinion-list.types';

const office = (actor: Actor) => hasRole(actor, Role.OFFICE);
const system = (actor: Actor) => hasRole(actor, Role.SYSTEM);
const unitOfList = (actor: Actor, ctx: ReviewListContext) =>
  hasRole(actor, Role.UNIT_STAFF, Role.UNIT_HEAD) && actor.unitId !== null && ctx.items.some((item) => item.unitId === actor.unitId);

const checks: Record<ReviewListEventType, (actor: Actor, ctx: ReviewListContext) => boolean> = {
  ASSIGN: office,
  REPORT_ITEM: unitOfList,
  CLOSE_ITEM: office,
  SEND_BACK_ITEM: office,
  SUBMIT_REPORT: (actor, ctx) => hasRole(actor, Role.UNIT_STAFF, Role.UNIT_HEAD) && actor.unitId === ctx.reportingUnitId,
  RECORD_VOTE_RESULT: system,
  CONCLUDE: office,
  CANCEL: office,
  DEADLINE_PASSED: system,
};

export const reviewListEventTypes: readonly ReviewListEventType[] = Object.freeze(Object.keys(checks) as ReviewListEventType[]);

export function mayActorSendReviewEvent(eventType: ReviewListEventType, actor: Actor, context: ReviewListContext): boolean {
  const check = checks[eventType] as ((actor: Actor, ctx: ReviewListContext) => boolean) | undefined;
  return check ? check(actor, context) : false;
}
