/**
 * The conditions under which the suggestion machine accepts an event, as pure functions of
 * (context, event). Each returns a human-readable reason when the event is refused, or null.
 * The machine's guards call these same functions, so a refusal can always be explained.
 *
 * What these do not cover: whether the event is accepted at all in the current state
 * (the machine's structure says that; see `snapshot.can(event)`), and who may send it
 * (see suggestion-permissions.ts).
 */
import {
  assignmentOf,
  cosigners,
  currentAssignments,
  deadlineOf,
  deadlineKey,
  feedbackOf,
  isAfter,
  isBlank,
  isReplyingRole,
  isValidInstant,
  leadProposer,
  proposerOf,
  type EventOf,
  type RoundPlan,
} from './suggestion-context.util';
import type { Satisfaction, SuggestionContext, SuggestionEvent, SuggestionEventType } from './suggestion.types';

export type Rule<T extends SuggestionEventType> = (context: SuggestionContext, event: EventOf<T>) => string | null;

const SATISFACTIONS: readonly Satisfaction[] = ['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'];
const CONTACT_METHODS = ['MEETING', 'VISIT', 'PHONE', 'FORUM', 'OTHER'];

function required(value: string | undefined | null, what: string): string | null {
  return isBlank(value) ? `${what} is required` : null;
}

/** The first non-null reason, evaluated lazily so later checks may assume earlier ones passed. */
function firstOf(...checks: Array<() => string | null>): string | null {
  for (const check of checks) {
    const reason = check();
    if (reason !== null) return reason;
  }
  return null;
}

function unitLabel(unitId: string | null | undefined): string {
  return unitId ? `unit ${unitId}` : 'the sender (no unit)';
}

function notAssigned(ctx: SuggestionContext, unitId: string | null | undefined): string {
  return `${unitLabel(unitId)} has no assignment in handling round ${ctx.round}`;
}

// ---------------------------------------------------------------- draft

export const inviteCosignerRule: Rule<'INVITE_COSIGNER'> = (ctx, e) =>
  firstOf(
    () => required(e.deputyId, 'the invited deputy'),
    () => (leadProposer(ctx)?.deputyId === e.deputyId ? 'the lead deputy cannot co-sign their own suggestion' : null),
    () => (proposerOf(ctx, e.deputyId) ? `deputy ${e.deputyId} is already invited` : null),
  );

export const removeCosignerRule: Rule<'REMOVE_COSIGNER'> = (ctx, e) =>
  cosigners(ctx).some((p) => p.deputyId === e.deputyId) ? null : `deputy ${e.deputyId} is not a co-signer`;

function invitedCosignerRule(ctx: SuggestionContext, e: SuggestionEvent): string | null {
  const proposer = cosigners(ctx).find((p) => p.deputyId === e.actor.deputyId);
  if (!proposer) return `${e.actor.deputyId ? `deputy ${e.actor.deputyId}` : 'the sender'} is not invited to co-sign`;
  if (proposer.status !== 'INVITED') return `deputy ${proposer.deputyId} has already ${proposer.status.toLowerCase()}`;
  return null;
}

export const confirmCosignRule: Rule<'CONFIRM_COSIGN'> = invitedCosignerRule;
export const declineCosignRule: Rule<'DECLINE_COSIGN'> = invitedCosignerRule;

export const submitRule: Rule<'SUBMIT'> = (ctx) => {
  const waiting = cosigners(ctx).filter((p) => p.status === 'INVITED');
  if (waiting.length === 0) return null;
  return `co-signers must confirm or decline before submission; still waiting for ${waiting.map((p) => p.deputyId).join(', ')}`;
};

export const withdrawRule: Rule<'WITHDRAW'> = (_ctx, e) => required(e.reason, 'a written reason for withdrawal');

// ---------------------------------------------------------------- review

export const mergeRule: Rule<'MERGE'> = (_ctx, e) =>
  firstOf(
    () => required(e.targetSuggestionId, 'the suggestion to merge into'),
    () => required(e.reason, 'a reason for merging'),
  );

export const absorbRule: Rule<'ABSORB'> = (ctx, e) =>
  firstOf(
    () => required(e.sourceSuggestionId, 'the merged suggestion'),
    () => (ctx.mergedFrom.includes(e.sourceSuggestionId) ? `suggestion ${e.sourceSuggestionId} is already merged into this one` : null),
    () => (Array.isArray(e.proposers) && e.proposers.length > 0 ? null : 'the merged suggestion must bring its proposers'),
  );

export const convertToLetterRule: Rule<'CONVERT_TO_LETTER'> = (_ctx, e) => required(e.reason, 'a reason for handling it as a letter');

export const rejectRule: Rule<'REJECT'> = (_ctx, e) => required(e.reason, 'a reason for rejection');

// ---------------------------------------------------------------- assignment

function roundPlanRule(plan: RoundPlan): string | null {
  if (plan.mode !== 'LEAD_WITH_CO_UNITS' && plan.mode !== 'SEPARATE') return `assignment mode ${String(plan.mode)} is not LEAD_WITH_CO_UNITS or SEPARATE`;
  if (!Array.isArray(plan.unitIds) || plan.unitIds.length === 0) return 'at least one unit must be assigned';
  if (plan.unitIds.some((u) => isBlank(u))) return 'unit ids must not be empty';
  if (new Set(plan.unitIds).size !== plan.unitIds.length) return 'each unit may be assigned only once';
  if (plan.mode === 'LEAD_WITH_CO_UNITS') {
    if (isBlank(plan.leadUnitId)) return 'a lead unit is required when assigning a lead unit with co-units';
    if (!plan.unitIds.includes(plan.leadUnitId as string)) return `lead unit ${plan.leadUnitId} is not among the assigned units`;
  }
  return null;
}

export const assignRule: Rule<'ASSIGN'> = (_ctx, e) => roundPlanRule(e);
export const reassignForRehandlingRule: Rule<'REASSIGN_FOR_REHANDLING'> = (_ctx, e) => roundPlanRule(e);

export const acknowledgeRule: Rule<'ACKNOWLEDGE'> = (ctx, e) => {
  const a = assignmentOf(ctx, e.actor.unitId);
  if (!a) return notAssigned(ctx, e.actor.unitId);
  if (a.acknowledged) return `${unitLabel(a.unitId)} has already acknowledged the assignment`;
  if (a.adjustmentRequested) return `${unitLabel(a.unitId)} has asked for adjustment; the office decides first`;
  return null;
};

export const requestAdjustmentRule: Rule<'REQUEST_ADJUSTMENT'> = (ctx, e) => {
  const a = assignmentOf(ctx, e.actor.unitId);
  if (!a) return notAssigned(ctx, e.actor.unitId);
  if (a.adjustmentRequested) return `${unitLabel(a.unitId)} has already asked for adjustment`;
  if (a.acknowledged) return `${unitLabel(a.unitId)} acknowledged the assignment and can no longer ask for adjustment`;
  const window = deadlineOf(ctx, deadlineKey.adjustment(a.unitId));
  if (!window) return `the adjustment window of ${unitLabel(a.unitId)} is closed; the assignment stands`;
  if (isAfter(e.at, window.dueAt)) return `the adjustment window of ${unitLabel(a.unitId)} closed at ${window.dueAt}; the assignment stands`;
  return required(e.reason, 'a reason for the adjustment request');
};

export const decideAdjustmentRule: Rule<'DECIDE_ADJUSTMENT'> = (ctx, e) => {
  const a = assignmentOf(ctx, e.unitId);
  if (!a) return notAssigned(ctx, e.unitId);
  if (!a.adjustmentRequested) return `${unitLabel(e.unitId)} has no pending adjustment request`;
  if (isBlank(e.reason)) return 'a reason for the decision is required';
  if (e.approve) {
    if (isBlank(e.newUnitId)) return 'approving an adjustment requires the unit that takes over';
    if (assignmentOf(ctx, e.newUnitId)) return `${unitLabel(e.newUnitId)} is already assigned in this round`;
  }
  return null;
};

// ---------------------------------------------------------------- handling

export const recordContactRule: Rule<'RECORD_CONTACT'> = (ctx, e) => {
  const a = assignmentOf(ctx, e.actor.unitId);
  if (!a) return notAssigned(ctx, e.actor.unitId);
  if (!isReplyingRole(a.role)) return `${unitLabel(a.unitId)} is a co-unit; the lead unit contacts the deputy`;
  if (!CONTACT_METHODS.includes(e.method)) return `contact method ${String(e.method)} is not one of ${CONTACT_METHODS.join(', ')}`;
  if (!isValidInstant(e.contactedAt)) return 'the time of the contact is required';
  if (isAfter(e.contactedAt, e.at)) return 'a contact cannot be recorded before it happens';
  return required(e.participants, 'who took part in the contact');
};

export const submitOpinionRule: Rule<'SUBMIT_OPINION'> = (ctx, e) => {
  const a = assignmentOf(ctx, e.actor.unitId);
  if (!a) return notAssigned(ctx, e.actor.unitId);
  if (a.role !== 'CO') return `${unitLabel(a.unitId)} is not a co-unit`;
  if (a.opinionGiven) return `${unitLabel(a.unitId)} has already sent its opinion`;
  return required(e.text, 'the opinion text');
};

export const requestExtensionRule: Rule<'REQUEST_EXTENSION'> = (ctx, e) => {
  const a = assignmentOf(ctx, e.actor.unitId);
  if (!a) return notAssigned(ctx, e.actor.unitId);
  if (!isReplyingRole(a.role)) return `${unitLabel(a.unitId)} is a co-unit and has no reply deadline to extend`;
  if (a.classification !== null) return `${unitLabel(a.unitId)} has already replied`;
  if (a.extensionRequested) return `${unitLabel(a.unitId)} already has an extension request pending`;
  if (isBlank(e.reason)) return 'a reason for the extension is required';
  if (!isValidInstant(e.requestedDueAt)) return 'the requested due date is required';
  if (!isAfter(e.requestedDueAt, a.replyDueAt as string)) return `the requested due date must be after the current one (${a.replyDueAt})`;
  if (isAfter(e.requestedDueAt, a.replyMaxAt as string)) return `the requested due date is beyond the maximum (${a.replyMaxAt})`;
  return null;
};

export const decideExtensionRule: Rule<'DECIDE_EXTENSION'> = (ctx, e) => {
  const a = assignmentOf(ctx, e.unitId);
  if (!a) return notAssigned(ctx, e.unitId);
  if (!a.extensionRequested) return `${unitLabel(e.unitId)} has no pending extension request`;
  if (!e.approve) return null;
  const dueAt = e.dueAt ?? (a.replyMaxAt as string);
  if (!isValidInstant(dueAt)) return 'the extended due date is not a valid date';
  if (!isAfter(dueAt, a.replyDueAt as string)) return `the extended due date must be after the current one (${a.replyDueAt})`;
  if (isAfter(dueAt, a.replyMaxAt as string)) return `the extended due date is beyond the maximum (${a.replyMaxAt})`;
  return null;
};

function classificationRule(ctx: SuggestionContext, classification: string | undefined): string | null {
  const allowed = ctx.rules.classifications;
  if (typeof classification === 'string' && allowed.includes(classification)) return null;
  return `classification ${classification === undefined || classification === '' ? '(none)' : classification} is not one of ${allowed.join(', ')}`;
}

export const replyRule: Rule<'REPLY'> = (ctx, e) => {
  const a = assignmentOf(ctx, e.actor.unitId);
  if (!a) return notAssigned(ctx, e.actor.unitId);
  if (!isReplyingRole(a.role)) return `${unitLabel(a.unitId)} is a co-unit; it sends its opinion to the lead unit instead of replying`;
  if (a.classification !== null) return `${unitLabel(a.unitId)} has already replied in round ${ctx.round}`;
  const invalid = classificationRule(ctx, e.classification);
  if (invalid) return invalid;
  if (ctx.rules.requireContactBeforeReply && a.contacts === 0) return `${unitLabel(a.unitId)} must record a contact with the deputy before replying`;
  if (a.role === 'LEAD' && ctx.rules.requireCoUnitOpinionsBeforeReply) {
    const missing = currentAssignments(ctx).filter((c) => c.role === 'CO' && !c.opinionGiven);
    if (missing.length > 0) return `the lead unit replies after every co-unit's opinion; still waiting for ${missing.map((c) => c.unitId).join(', ')}`;
  }
  return firstOf(
    () => required(e.text, 'the reply text'),
    () => required(e.signedBy, 'the signer of the reply'),
  );
};

export const giveFeedbackRule: Rule<'GIVE_FEEDBACK'> = (ctx, e) => {
  const proposer = proposerOf(ctx, e.actor.deputyId);
  if (!proposer || proposer.status !== 'CONFIRMED') return `${e.actor.deputyId ? `deputy ${e.actor.deputyId}` : 'the sender'} is not a proposer of this suggestion`;
  if (feedbackOf(ctx, proposer.deputyId)) return `deputy ${proposer.deputyId} has already given feedback in round ${ctx.round}`;
  if (!SATISFACTIONS.includes(e.handlingWork)) return `satisfaction with the handling work must be one of ${SATISFACTIONS.join(', ')}`;
  if (!SATISFACTIONS.includes(e.result)) return `satisfaction with the result must be one of ${SATISFACTIONS.join(', ')}`;
  return null;
};

function repliedUnitRule(ctx: SuggestionContext, e: SuggestionEvent): string | null {
  const a = assignmentOf(ctx, e.actor.unitId);
  if (!a) return notAssigned(ctx, e.actor.unitId);
  if (!isReplyingRole(a.role) || a.classification === null) return `${unitLabel(a.unitId)} did not reply in round ${ctx.round}`;
  return null;
}

export const followUpReplyRule: Rule<'FOLLOW_UP_REPLY'> = (ctx, e) =>
  firstOf(
    () => repliedUnitRule(ctx, e),
    () => classificationRule(ctx, e.classification),
    () => required(e.text, 'the follow-up reply text'),
  );

export const followUpExplainRule: Rule<'FOLLOW_UP_EXPLAIN'> = (ctx, e) =>
  firstOf(
    () => repliedUnitRule(ctx, e),
    () => required(e.text, 'the explanation'),
  );

export const closeRule: Rule<'CLOSE'> = (ctx) => {
  if (ctx.key === null || ctx.key.lastVotePassed === true) return null;
  return ctx.key.lastVotePassed === false
    ? 'a key suggestion whose satisfaction vote failed cannot be closed until a later vote passes'
    : 'a key suggestion cannot be closed before its satisfaction vote passes';
};

// ---------------------------------------------------------------- key suggestions

export const markKeyRule: Rule<'MARK_KEY'> = (_ctx, e) =>
  firstOf(
    () => required(e.supervisingLeaderId, 'the supervising leader'),
    () => required(e.leadingLeaderId, 'the government leader who leads the handling'),
  );

export const unmarkKeyRule: Rule<'UNMARK_KEY'> = (_ctx, e) => required(e.reason, 'a reason for removing the key status');

export const recordHearingRule: Rule<'RECORD_HEARING'> = (_ctx, e) =>
  firstOf(
    () => required(e.meetingId, 'the meeting'),
    () => required(e.opinion, "the council's opinion"),
  );

export const recordVoteResultRule: Rule<'RECORD_VOTE_RESULT'> = (_ctx, e) =>
  firstOf(
    () => required(e.voteSessionId, 'the vote session'),
    () => (typeof e.passed === 'boolean' ? null : 'the vote result (passed or not) is required'),
  );

// ---------------------------------------------------------------- disclosure

export const decideDisclosureRule: Rule<'DECIDE_DISCLOSURE'> = (ctx, e) => {
  if (e.mode === 'WITHHELD') return required(e.reason, 'a reason for withholding');
  if (e.mode !== 'FULL' && e.mode !== 'SUMMARY') return `disclosure mode ${String(e.mode)} is not FULL, SUMMARY or WITHHELD`;
  if (!ctx.agreesToDisclosure) return 'the deputy did not agree to disclosure; it must be WITHHELD with a reason';
  if (!ctx.unitsAgreeToDisclosure) return 'a replying unit did not agree to disclosure; it must be WITHHELD with a reason';
  if (e.mode === 'SUMMARY') return required(e.summary, 'the summary to publish');
  return null;
};

// ---------------------------------------------------------------- time

export const deadlinePassedRule: Rule<'DEADLINE_PASSED'> = (ctx, e) =>
  deadlineOf(ctx, e.deadlineKey) ? null : `no deadline ${e.deadlineKey} is open`;

// ---------------------------------------------------------------- dispatch

const rules: { [K in SuggestionEventType]: Rule<K> | null } = {
  INVITE_COSIGNER: inviteCosignerRule,
  REMOVE_COSIGNER: removeCosignerRule,
  CONFIRM_COSIGN: confirmCosignRule,
  DECLINE_COSIGN: declineCosignRule,
  SUBMIT: submitRule,
  WITHDRAW: withdrawRule,
  ACCEPT: null,
  MERGE: mergeRule,
  ABSORB: absorbRule,
  CONVERT_TO_LETTER: convertToLetterRule,
  REJECT: rejectRule,
  ASSIGN: assignRule,
  ACKNOWLEDGE: acknowledgeRule,
  REQUEST_ADJUSTMENT: requestAdjustmentRule,
  DECIDE_ADJUSTMENT: decideAdjustmentRule,
  RECORD_CONTACT: recordContactRule,
  SUBMIT_OPINION: submitOpinionRule,
  REQUEST_EXTENSION: requestExtensionRule,
  DECIDE_EXTENSION: decideExtensionRule,
  REPLY: replyRule,
  GIVE_FEEDBACK: giveFeedbackRule,
  REASSIGN_FOR_REHANDLING: reassignForRehandlingRule,
  FOLLOW_UP_REPLY: followUpReplyRule,
  FOLLOW_UP_EXPLAIN: followUpExplainRule,
  MARK_KEY: markKeyRule,
  UNMARK_KEY: unmarkKeyRule,
  RECORD_HEARING: recordHearingRule,
  RECORD_VOTE_RESULT: recordVoteResultRule,
  CLOSE: closeRule,
  DECIDE_DISCLOSURE: decideDisclosureRule,
  DEADLINE_PASSED: deadlinePassedRule,
};

/**
 * Why the machine would refuse this event on the grounds of its content and the suggestion's facts,
 * or null when those allow it. A null does not mean the current state accepts the event.
 */
export function explainRefusal(context: SuggestionContext, event: SuggestionEvent): string | null {
  const rule = rules[event.type] as Rule<SuggestionEventType> | null | undefined;
  if (rule === undefined) return `unknown event type ${String(event.type)}`;
  return rule ? rule(context, event as never) : null;
}
