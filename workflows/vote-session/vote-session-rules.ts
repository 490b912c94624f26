/**
 * Why the vote-session machine refuses an event on the grounds of its content and the session's facts.
 * Every guard of the machine is `allowed` = `explainRefusal(...) === null`, so a refusal always has a reason.
 */
import type { VoteSessionContext, VoteSessionEvent, VoteSessionEventType } from './vote-session.types';

type EventOf<T extends VoteSessionEventType> = Extract<VoteSessionEvent, { type: T }>;
export type VoteRule<T extends VoteSessionEventType> = (context: VoteSessionContext, event: EventOf<T>) => string | null;

const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

export const openRule: VoteRule<'OPEN'> = (ctx, e) => {
  if (ctx.itemCount === 0) return 'a vote session needs at least one key suggestion to vote on';
  if (!Array.isArray(e.voters) || e.voters.length === 0) return 'the entitled voters (members present) are required';
  const ids = e.voters.map((v) => v.userId);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated) return `voter ${repeated} is listed twice`;
  if (!e.voters.some((v) => v.kind === 'MEMBER')) return 'at least one standing-committee member must be present';
  if (e.voters.some((v) => v.kind === 'DEPUTY') && !ctx.rules.inviteDeputies) {
    return "this jurisdiction's profile does not allow invited deputies to vote";
  }
  return null;
};

export const cancelRule: VoteRule<'CANCEL'> = (_ctx, e) => (isBlank(e.reason) ? 'a reason for cancelling is required' : null);

const rules: { [K in VoteSessionEventType]: VoteRule<K> | null } = {
  OPEN: openRule,
  CLOSE: null,
  PUBLISH: null,
  CANCEL: cancelRule,
};

/** The reason the event would be refused, or null when its content and the session's facts allow it. */
export function explainVoteRefusal(context: VoteSessionContext, event: VoteSessionEvent): string | null {
  const rule = rules[event.type] as VoteRule<VoteSessionEventType> | null | undefined;
  if (rule === undefined) return `unknown event type ${String(event.type)}`;
  return rule ? rule(context, event as never) : null;
}
