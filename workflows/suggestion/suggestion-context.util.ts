import {
  DeadlineKind,
  type Assignment,
  type AssignmentMode,
  type AssignmentRole,
  type DueDates,
  type FeedbackEntry,
  type OpenDeadline,
  type OpenDeadlineKind,
  type Proposer,
  type RecipientRef,
  type SuggestionContext,
  type SuggestionEvent,
  type SuggestionEventType,
  type SuggestionInput,
  type SuggestionRules,
} from './suggestion.types';

/** The event of one type, with its envelope. */
export type EventOf<T extends SuggestionEventType> = Extract<SuggestionEvent, { type: T }>;

/** Deadline keys, exactly as the engine mirrors them into the deadlines table. */
export const deadlineKey = {
  assignment: 'ASSIGNMENT',
  adjustment: (unitId: string) => `ADJUSTMENT_${unitId}`,
  reply: (unitId: string) => `REPLY_${unitId}`,
  coUnitOpinion: (unitId: string) => `CO_UNIT_OPINION_${unitId}`,
  feedback: 'FEEDBACK',
  disclosure: 'DISCLOSURE',
  reportAgain: 'REPORT_AGAIN',
} as const;

export function initialContext(input: SuggestionInput): SuggestionContext {
  return {
    rules: input.rules,
    duringSession: input.duringSession,
    agreesToDisclosure: input.agreesToDisclosure,
    proposers: [{ deputyId: input.leadDeputyId, role: 'LEAD', status: 'CONFIRMED', viaSuggestionId: null }],
    mergedFrom: [],
    round: 0,
    mode: null,
    assignments: [],
    feedback: [],
    classification: null,
    // Vacuously true until a unit replies; each reply can only turn it off.
    unitsAgreeToDisclosure: true,
    key: null,
    deadlines: {},
    disclosure: null,
    endReason: null,
  };
}

// ---------------------------------------------------------------- time

/** Compares ISO instants by time, not by spelling (offsets and precision may differ). */
export function isAfter(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

export function isValidInstant(value: string | undefined | null): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

export function later(a: string, b: string): string {
  return isAfter(a, b) ? a : b;
}

export function earlier(a: string, b: string): string {
  return isAfter(a, b) ? b : a;
}

export function isBlank(value: string | undefined | null): boolean {
  return typeof value !== 'string' || value.trim().length === 0;
}

// ---------------------------------------------------------------- proposers

/** The deputy who filed this suggestion (absorbed leads of merged suggestions do not count). */
export function leadProposer(ctx: SuggestionContext): Proposer | undefined {
  return ctx.proposers.find((p) => p.role === 'LEAD' && p.viaSuggestionId === null);
}

export function proposerOf(ctx: SuggestionContext, deputyId: string | null): Proposer | undefined {
  return deputyId === null ? undefined : ctx.proposers.find((p) => p.deputyId === deputyId);
}

/** Proposers who get replies and give feedback, absorbed ones included. */
export function confirmedProposers(ctx: SuggestionContext): Proposer[] {
  return ctx.proposers.filter((p) => p.status === 'CONFIRMED');
}

export function cosigners(ctx: SuggestionContext): Proposer[] {
  return ctx.proposers.filter((p) => p.role === 'COSIGNER' && p.viaSuggestionId === null);
}

export function proposerRecipients(ctx: SuggestionContext): RecipientRef[] {
  return confirmedProposers(ctx).map((p) => ({ kind: 'DEPUTY', deputyId: p.deputyId }));
}

export function leadDeputyRecipient(ctx: SuggestionContext): RecipientRef[] {
  const lead = leadProposer(ctx);
  return lead ? [{ kind: 'DEPUTY', deputyId: lead.deputyId }] : [];
}

// ---------------------------------------------------------------- assignments

export function isReplyingRole(role: AssignmentRole): boolean {
  return role === 'LEAD' || role === 'SEPARATE';
}

export function currentAssignments(ctx: SuggestionContext): Assignment[] {
  return ctx.assignments.filter((a) => a.round === ctx.round);
}

/** The actor's (or a named) unit's assignment in the current round. */
export function assignmentOf(ctx: SuggestionContext, unitId: string | null | undefined): Assignment | undefined {
  if (!unitId) return undefined;
  return ctx.assignments.find((a) => a.round === ctx.round && a.unitId === unitId);
}

/** The assignments that must reply in the current round: the lead unit, or every separate unit. */
export function replyingAssignments(ctx: SuggestionContext): Assignment[] {
  return currentAssignments(ctx).filter((a) => isReplyingRole(a.role));
}

export function leadAssignment(ctx: SuggestionContext): Assignment | undefined {
  return currentAssignments(ctx).find((a) => a.role === 'LEAD');
}

export function unitRecipients(assignments: Assignment[]): RecipientRef[] {
  return assignments.map((a) => ({ kind: 'UNIT', unitId: a.unitId }));
}

export function leadUnitRecipient(ctx: SuggestionContext): RecipientRef[] {
  return unitRecipients(currentAssignments(ctx).filter((a) => a.role === 'LEAD'));
}

export function supervisingLeaderRecipient(ctx: SuggestionContext): RecipientRef[] {
  return ctx.key ? [{ kind: 'LEADER', userId: ctx.key.supervisingLeaderId }] : [];
}

export function keyLeaderRecipients(ctx: SuggestionContext): RecipientRef[] {
  if (!ctx.key) return [];
  const ids = [...new Set([ctx.key.supervisingLeaderId, ctx.key.leadingLeaderId])];
  return ids.map((userId) => ({ kind: 'LEADER', userId }));
}

/** Replaces the current-round assignment of `unitId` with a patched copy. */
export function patchAssignment(ctx: SuggestionContext, unitId: string, patch: Partial<Assignment>): Assignment[] {
  return ctx.assignments.map((a) => (a.round === ctx.round && a.unitId === unitId ? { ...a, ...patch } : a));
}

export interface RoundPlan {
  mode: AssignmentMode;
  unitIds: string[];
  leadUnitId?: string;
}

/** Role of each unit under a mode; SEPARATE ignores leadUnitId. */
export function rolesOf(plan: RoundPlan): Array<{ unitId: string; role: AssignmentRole }> {
  return plan.unitIds.map((unitId) => ({
    unitId,
    role: plan.mode === 'SEPARATE' ? 'SEPARATE' : unitId === plan.leadUnitId ? 'LEAD' : 'CO',
  }));
}

export function newAssignment(unitId: string, role: AssignmentRole, round: number, replyDueAt: string, replyMaxAt: string): Assignment {
  const replies = isReplyingRole(role);
  return {
    unitId,
    role,
    round,
    acknowledged: false,
    adjustmentRequested: false,
    contacts: 0,
    opinionGiven: false,
    extensionRequested: false,
    replyDueAt: replies ? replyDueAt : null,
    replyMaxAt: replies ? later(replyDueAt, replyMaxAt) : null,
    overdue: false,
    classification: null,
  };
}

/**
 * Deadlines a fresh assignment opens. Only a first handling has an adjustment window;
 * in re-handling the office already chose the unit knowingly.
 */
export function assignmentDeadlines(assignment: Assignment, due: DueDates, withAdjustmentWindow: boolean): Record<string, OpenDeadline> {
  const { unitId } = assignment;
  const out: Record<string, OpenDeadline> = {};
  if (withAdjustmentWindow) {
    out[deadlineKey.adjustment(unitId)] = { kind: DeadlineKind.ADJUSTMENT, dueAt: due.ADJUSTMENT, unitId };
  }
  if (isReplyingRole(assignment.role)) {
    out[deadlineKey.reply(unitId)] = { kind: DeadlineKind.REPLY, dueAt: assignment.replyDueAt as string, unitId };
  } else {
    // A co-unit's opinion cannot usefully arrive after the lead unit's reply is due.
    const opinionDue = withAdjustmentWindow ? due.CO_UNIT_OPINION : earlier(due.CO_UNIT_OPINION, due.REHANDLING_REPLY);
    out[deadlineKey.coUnitOpinion(unitId)] = { kind: DeadlineKind.CO_UNIT_OPINION, dueAt: opinionDue, unitId };
  }
  return out;
}

/** Context after starting handling round `round` with the given units. */
export function startRound(ctx: SuggestionContext, plan: RoundPlan, round: number, due: DueDates): Partial<SuggestionContext> {
  const firstHandling = round === 1;
  const replyDueAt = firstHandling ? due.REPLY : due.REHANDLING_REPLY;
  const fresh = rolesOf(plan).map(({ unitId, role }) => newAssignment(unitId, role, round, replyDueAt, due.REPLY_MAX));
  let deadlines = closeRoundDeadlines(withoutDeadlines(ctx.deadlines, [deadlineKey.assignment]));
  for (const a of fresh) deadlines = { ...deadlines, ...assignmentDeadlines(a, due, firstHandling) };
  return {
    round,
    mode: plan.mode,
    assignments: [...ctx.assignments, ...fresh],
    classification: null,
    deadlines,
  };
}

/** The current round's units and roles, to hand the same item back to them. */
export function currentPlan(ctx: SuggestionContext): RoundPlan {
  const current = currentAssignments(ctx);
  return {
    mode: ctx.mode ?? 'SEPARATE',
    unitIds: current.map((a) => a.unitId),
    leadUnitId: current.find((a) => a.role === 'LEAD')?.unitId,
  };
}

// ---------------------------------------------------------------- deadlines

export function withDeadline(
  deadlines: Record<string, OpenDeadline>,
  key: string,
  kind: OpenDeadlineKind,
  dueAt: string,
  unitId: string | null = null,
): Record<string, OpenDeadline> {
  return { ...deadlines, [key]: { kind, dueAt, unitId } };
}

export function withoutDeadlines(deadlines: Record<string, OpenDeadline>, keys: string[]): Record<string, OpenDeadline> {
  const out = { ...deadlines };
  for (const key of keys) delete out[key];
  return out;
}

const ROUND_DEADLINE_KINDS: ReadonlySet<string> = new Set([
  DeadlineKind.ADJUSTMENT,
  DeadlineKind.REPLY,
  DeadlineKind.CO_UNIT_OPINION,
  DeadlineKind.FEEDBACK,
]);

/** Closes the deadlines that belong to a handling round (unit deadlines and feedback). */
export function closeRoundDeadlines(deadlines: Record<string, OpenDeadline>): Record<string, OpenDeadline> {
  return Object.fromEntries(Object.entries(deadlines).filter(([, d]) => !ROUND_DEADLINE_KINDS.has(d.kind)));
}

/** Closes the unit deadlines that outlive the round's replies (adjustment windows, co-unit opinions). */
export function closeUnitDeadlines(deadlines: Record<string, OpenDeadline>): Record<string, OpenDeadline> {
  return Object.fromEntries(Object.entries(deadlines).filter(([, d]) => d.unitId === null));
}

export function deadlineOf(ctx: SuggestionContext, key: string): OpenDeadline | undefined {
  return Object.prototype.hasOwnProperty.call(ctx.deadlines, key) ? ctx.deadlines[key] : undefined;
}

// ---------------------------------------------------------------- replies and classification

/** The worst (last in the profile's order) of the given classifications. */
export function worstClassification(rules: SuggestionRules, codes: string[]): string | null {
  let worst: string | null = null;
  for (const code of codes) {
    if (worst === null || rules.classifications.indexOf(code) > rules.classifications.indexOf(worst)) worst = code;
  }
  return worst;
}

/** The round's classification from the replies given so far: the lead's, or the worst separate reply. */
export function roundClassification(ctx: SuggestionContext, assignments: Assignment[] = ctx.assignments): string | null {
  const replying = assignments.filter((a) => a.round === ctx.round && isReplyingRole(a.role));
  const lead = replying.find((a) => a.role === 'LEAD');
  if (lead) return lead.classification;
  return worstClassification(
    ctx.rules,
    replying.map((a) => a.classification).filter((c): c is string => c !== null),
  );
}

/** Whether this REPLY is the last one the round waits for. */
export function replyCompletesRound(ctx: SuggestionContext, unitId: string | null): boolean {
  const pending = replyingAssignments(ctx).filter((a) => a.classification === null);
  return pending.length === 1 && pending[0].unitId === unitId;
}

// ---------------------------------------------------------------- feedback

export function feedbackOf(ctx: SuggestionContext, deputyId: string | null, round: number = ctx.round): FeedbackEntry | undefined {
  return ctx.feedback.find((f) => f.deputyId === deputyId && f.round === round);
}

/** Confirmed proposers who have not given feedback for the current round. */
export function proposersWithoutFeedback(ctx: SuggestionContext): Proposer[] {
  return confirmedProposers(ctx).filter((p) => !feedbackOf(ctx, p.deputyId));
}

export function feedbackComplete(ctx: SuggestionContext): boolean {
  return proposersWithoutFeedback(ctx).length === 0;
}

/** Entries recorded as "none given" for everyone still missing when the feedback deadline passes. */
export function missingFeedbackEntries(ctx: SuggestionContext): FeedbackEntry[] {
  return proposersWithoutFeedback(ctx).map((p) => ({ deputyId: p.deputyId, round: ctx.round, handlingWork: null, result: null }));
}

export function feedbackEntryFrom(ctx: SuggestionContext, event: EventOf<'GIVE_FEEDBACK'>): FeedbackEntry {
  return { deputyId: event.actor.deputyId as string, round: ctx.round, handlingWork: event.handlingWork, result: event.result };
}

export type FeedbackOutcome = 'REHANDLING' | 'FOLLOW_UP' | 'CLOSE';

function isUnsatisfied(entry: FeedbackEntry, trigger: SuggestionRules['rehandlingTrigger']): boolean {
  const handling = entry.handlingWork === 'UNSATISFIED';
  const result = entry.result === 'UNSATISFIED';
  if (trigger === 'HANDLING') return handling;
  if (trigger === 'RESULT') return result;
  return handling || result;
}

/** Where a round goes once its feedback is complete. Missing feedback (nulls) never counts as unsatisfied or satisfied. */
export function feedbackOutcome(ctx: SuggestionContext): FeedbackOutcome {
  const entries = ctx.feedback.filter((f) => f.round === ctx.round);
  const unsatisfied = entries.some((f) => isUnsatisfied(f, ctx.rules.rehandlingTrigger));
  const roundsLeft = ctx.round - 1 < ctx.rules.maxRehandlingRounds;
  if (unsatisfied && roundsLeft) return 'REHANDLING';
  if (ctx.classification !== null && ctx.rules.followUpClassifications.includes(ctx.classification)) return 'FOLLOW_UP';
  return 'CLOSE';
}

/** The outcome the round reaches if this event completes its feedback, or null if it does not complete it. */
export function outcomeAfter(ctx: SuggestionContext, event: SuggestionEvent): FeedbackOutcome | null {
  let feedback: FeedbackEntry[];
  if (event.type === 'GIVE_FEEDBACK') feedback = [...ctx.feedback, feedbackEntryFrom(ctx, event)];
  else if (event.type === 'DEADLINE_PASSED' && event.deadlineKey === deadlineKey.feedback) feedback = [...ctx.feedback, ...missingFeedbackEntries(ctx)];
  else return null;
  const next = { ...ctx, feedback };
  return feedbackComplete(next) ? feedbackOutcome(next) : null;
}

// ---------------------------------------------------------------- absorb

/** Proposers of a merged suggestion not yet among ours, marked with where they came from. */
export function absorbedProposers(ctx: SuggestionContext, event: EventOf<'ABSORB'>): Proposer[] {
  const known = new Set(ctx.proposers.map((p) => p.deputyId));
  const out: Proposer[] = [];
  for (const p of event.proposers) {
    if (known.has(p.deputyId)) continue;
    known.add(p.deputyId);
    out.push({ ...p, viaSuggestionId: event.sourceSuggestionId });
  }
  return out;
}

// ---------------------------------------------------------------- follow-up

/** The round's classification after this follow-up reply replaces the unit's earlier one. */
export function classificationAfterFollowUp(ctx: SuggestionContext, event: SuggestionEvent): string | null {
  if (event.type !== 'FOLLOW_UP_REPLY') return ctx.classification;
  return roundClassification(ctx, patchAssignment(ctx, event.actor.unitId as string, { classification: event.classification }));
}

/** Narrows an event inside an action that is only ever attached to transitions on `type`. */
export function expectEvent<T extends SuggestionEventType>(event: SuggestionEvent, type: T): EventOf<T> {
  if (event.type !== type) throw new Error(`action for ${type} ran on ${event.type}`);
  return event as EventOf<T>;
}
