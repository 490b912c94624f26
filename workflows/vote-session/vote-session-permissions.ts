/**
 * Who may send which event to a vote session, whatever its state: the deputy-affairs office, which
 * prepares the session, and the standing-committee leader who chairs it.
 */
import { hasRole, Role, type Actor } from '../common/actor';
import type { VoteSessionContext, VoteSessionEventType } from './vote-session.types';

const allEventTypes = { OPEN: true, CLOSE: true, PUBLISH: true, CANCEL: true } satisfies Record<VoteSessionEventType, true>;

export const voteSessionEventTypes: readonly VoteSessionEventType[] = Object.freeze(Object.keys(allEventTypes) as VoteSessionEventType[]);

const officeOrChair = (actor: Actor, ctx: VoteSessionContext) =>
  hasRole(actor, Role.OFFICE) || (hasRole(actor, Role.SC_LEADER) && ctx.chairUserId === actor.userId);

const checks: Record<VoteSessionEventType, (actor: Actor, ctx: VoteSessionContext) => boolean> = {
  OPEN: officeOrChair,
  CLOSE: officeOrChair,
  // Publishing the announcement is the office's paperwork.
  PUBLISH: (actor) => hasRole(actor, Role.OFFICE),
  CANCEL: officeOrChair,
};

export function mayActorSendVoteEvent(eventType: VoteSessionEventType, actor: Actor, context: VoteSessionContext): boolean {
  const check = checks[eventType] as ((actor: Actor, ctx: VoteSessionContext) => boolean) | undefined;
  return check ? check(actor, context) : false;
}
