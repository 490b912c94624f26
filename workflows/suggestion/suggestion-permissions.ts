/**
 * Who may send which event: authorization by role and by relationship to the suggestion,
 * independent of the machine's state. The engine checks this before offering the event to the machine.
 * This is the event half of the one access policy (libs/accounts/src/policy/access.policy.ts), kept here, pure,
 * so the machine's own tests can use it; the server reaches it only through that policy module.
 */
import { hasRole, Role, type Actor } from '../common/actor';
import { assignmentOf, cosigners, leadProposer, proposerOf } from './suggestion-context.util';
import type { SuggestionContext, SuggestionEventType } from './suggestion.types';

const allEventTypes = {
  INVITE_COSIGNER: true,
  REMOVE_COSIGNER: true,
  CONFIRM_COSIGN: true,
  DECLINE_COSIGN: true,
  SUBMIT: true,
  WITHDRAW: true,
  ACCEPT: true,
  MERGE: true,
  ABSORB: true,
  CONVERT_TO_LETTER: true,
  REJECT: true,
  ASSIGN: true,
  ACKNOWLEDGE: true,
  REQUEST_ADJUSTMENT: true,
  DECIDE_ADJUSTMENT: true,
  RECORD_CONTACT: true,
  SUBMIT_OPINION: true,
  REQUEST_EXTENSION: true,
  DECIDE_EXTENSION: true,
  REPLY: true,
  GIVE_FEEDBACK: true,
  REASSIGN_FOR_REHANDLING: true,
  FOLLOW_UP_REPLY: true,
  FOLLOW_UP_EXPLAIN: true,
  MARK_KEY: true,
  UNMARK_KEY: true,
  RECORD_HEARING: true,
  RECORD_VOTE_RESULT: true,
  CLOSE: true,
  DECIDE_DISCLOSURE: true,
  DEADLINE_PASSED: true,
} satisfies Record<SuggestionEventType, true>;

/** Every event type of the suggestion machine (the record above makes the compiler check it is complete). */
export const eventTypes: readonly SuggestionEventType[] = Object.freeze(Object.keys(allEventTypes) as SuggestionEventType[]);

type Check = (actor: Actor, context: SuggestionContext) => boolean;

const isLeadDeputy: Check = (actor, ctx) => actor.deputyId !== null && leadProposer(ctx)?.deputyId === actor.deputyId;

const isInvitedCosigner: Check = (actor, ctx) =>
  cosigners(ctx).some((p) => p.deputyId === actor.deputyId && p.status === 'INVITED');

const isConfirmedProposer: Check = (actor, ctx) => proposerOf(ctx, actor.deputyId)?.status === 'CONFIRMED';

/** Staff or head of a unit assigned in the current round. */
const isAssignedUnit: Check = (actor, ctx) =>
  hasRole(actor, Role.UNIT_STAFF, Role.UNIT_HEAD) && assignmentOf(ctx, actor.unitId) !== undefined;

const withRole =
  (...roles: Role[]): Check =>
  (actor) =>
    hasRole(actor, ...roles);

const checks: Record<SuggestionEventType, Check> = {
  INVITE_COSIGNER: isLeadDeputy,
  REMOVE_COSIGNER: isLeadDeputy,
  SUBMIT: isLeadDeputy,
  WITHDRAW: isLeadDeputy,
  CONFIRM_COSIGN: isInvitedCosigner,
  DECLINE_COSIGN: isInvitedCosigner,
  GIVE_FEEDBACK: isConfirmedProposer,

  ACKNOWLEDGE: isAssignedUnit,
  REQUEST_ADJUSTMENT: isAssignedUnit,
  RECORD_CONTACT: isAssignedUnit,
  SUBMIT_OPINION: isAssignedUnit,
  REQUEST_EXTENSION: isAssignedUnit,
  // Staff may enter the reply; the letter itself names its signer (signedBy).
  REPLY: isAssignedUnit,
  FOLLOW_UP_REPLY: isAssignedUnit,
  FOLLOW_UP_EXPLAIN: isAssignedUnit,

  ACCEPT: withRole(Role.OFFICE),
  MERGE: withRole(Role.OFFICE),
  CONVERT_TO_LETTER: withRole(Role.OFFICE),
  REJECT: withRole(Role.OFFICE),
  // The government office splits government-bound items and rules on their reassignment.
  ASSIGN: withRole(Role.OFFICE, Role.GOV_OFFICE),
  DECIDE_ADJUSTMENT: withRole(Role.OFFICE, Role.GOV_OFFICE),
  DECIDE_EXTENSION: withRole(Role.OFFICE),
  REASSIGN_FOR_REHANDLING: withRole(Role.OFFICE),
  CLOSE: withRole(Role.OFFICE),
  DECIDE_DISCLOSURE: withRole(Role.OFFICE),
  MARK_KEY: withRole(Role.OFFICE, Role.COUNCIL_MEMBER),
  UNMARK_KEY: withRole(Role.OFFICE),
  RECORD_HEARING: withRole(Role.OFFICE, Role.COUNCIL_MEMBER),
  RECORD_VOTE_RESULT: withRole(Role.OFFICE, Role.SYSTEM),

  DEADLINE_PASSED: withRole(Role.SYSTEM),
  ABSORB: withRole(Role.SYSTEM),
};

/** Whether `actor` may send an event of this type to this suggestion, whatever its state. */
export function mayActorSend(eventType: SuggestionEventType, actor: Actor, context: SuggestionContext): boolean {
  const check = checks[eventType] as Check | undefined;
  return check ? check(actor, context) : false;
}
