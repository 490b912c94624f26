/**
 * The lifecycle of one deputy's suggestion, version 1.
 *
 * Pure: no timers, no spawned actors, no functions in context. Time comes from the event envelope
 * (`at`, and `due[kind]` for a deadline of that kind opened now). Side effects are named actions with
 * params (see SuggestionEffects) and empty implementations; the engine takes them from
 * `transition()`'s result and performs them.
 *
 * Every guard that decides whether an event is accepted is `allowed`, i.e. `explainRefusal(...) === null`,
 * so the engine can always say why an event was refused. The other guards only choose between targets.
 *
 * One event, several regions: inside `active`, REPLY is taken by `handling` and (for the first completed
 * reply) by `disclosure`; a failed RECORD_VOTE_RESULT is taken by `key` and by `handling`. XState selects
 * the transitions of all regions against the same snapshot before running any action, so each region
 * re-checks the same rule (plus `stateIn` for the other region's state) and they cannot disagree.
 *
 * Persisted snapshots of this machine exist in the database: never change state names or the meaning of
 * context here; write suggestion-handling.machine.v2.ts and register it instead.
 */
import { and, enqueueActions, not, setup, stateIn } from 'xstate';
import {
  absorbedProposers,
  assignmentDeadlines,
  assignmentOf,
  classificationAfterFollowUp,
  closeUnitDeadlines,
  confirmedProposers,
  cosigners,
  currentAssignments,
  currentPlan,
  deadlineKey,
  deadlineOf,
  expectEvent,
  feedbackEntryFrom,
  initialContext,
  keyLeaderRecipients,
  leadDeputyRecipient,
  leadUnitRecipient,
  missingFeedbackEntries,
  newAssignment,
  outcomeAfter,
  patchAssignment,
  proposerRecipients,
  replyCompletesRound,
  roundClassification,
  startRound,
  supervisingLeaderRecipient,
  unitRecipients,
  withDeadline,
  withoutDeadlines,
  type FeedbackOutcome,
} from './suggestion-context.util';
import { explainRefusal } from './suggestion-rules';
import {
  DeadlineKind,
  type OpenDeadlineKind,
  type RecipientRef,
  type SuggestionContext,
  type SuggestionEffects,
  type SuggestionEvent,
  type SuggestionInput,
} from './suggestion.types';

export const SUGGESTION_MACHINE_V1 = 1;

type ParamArgs = { context: SuggestionContext; event: SuggestionEvent };

const OFFICE: RecipientRef = { kind: 'OFFICE' };

/** A `notify` effect whose recipients are resolved against the context as it is at that point of the transition. */
function notify(template: string, to: (args: ParamArgs) => RecipientRef[]) {
  return { type: 'notify' as const, params: (args: ParamArgs) => ({ template, to: to(args) }) };
}

const toProposers = ({ context }: ParamArgs) => proposerRecipients(context);
const toOffice = () => [OFFICE];
const toCurrentUnits = ({ context }: ParamArgs) => unitRecipients(currentAssignments(context));
const toDecidedUnit = ({ event }: ParamArgs) =>
  'unitId' in event && typeof event.unitId === 'string' ? [{ kind: 'UNIT' as const, unitId: event.unitId }] : [];

// ---------------------------------------------------------------- effects and guards

const effects = setup({
  types: {
    context: {} as SuggestionContext,
    events: {} as SuggestionEvent,
    input: {} as SuggestionInput,
  },
  actions: {
    // Performed by the engine inside the event's transaction; the machine only names them.
    allocateNumber: (_: unknown, _params: SuggestionEffects['allocateNumber']) => {},
    absorbInto: (_: unknown, _params: SuggestionEffects['absorbInto']) => {},
    recordAssignment: (_: unknown, _params: SuggestionEffects['recordAssignment']) => {},
    endAssignment: (_: unknown, _params: SuggestionEffects['endAssignment']) => {},
    recordReply: (_: unknown, _params: SuggestionEffects['recordReply']) => {},
    recordFeedback: (_: unknown, _params: SuggestionEffects['recordFeedback']) => {},
    notify: (_: unknown, _params: SuggestionEffects['notify']) => {},
  },
  guards: {
    /** The rules accept this event (see suggestion-rules.ts); the single source of refusals. */
    allowed: ({ context, event }) => explainRefusal(context, event) === null,
    replyCompletesRound: ({ context, event }) => event.type === 'REPLY' && replyCompletesRound(context, event.actor.unitId),
    feedbackLeadsTo: ({ context, event }, params: { outcome: FeedbackOutcome }) => outcomeAfter(context, event) === params.outcome,
    deadlineIs: ({ context, event }, params: { kind: OpenDeadlineKind }) =>
      event.type === 'DEADLINE_PASSED' && deadlineOf(context, event.deadlineKey)?.kind === params.kind,
    approved: ({ event }) => (event.type === 'DECIDE_ADJUSTMENT' || event.type === 'DECIDE_EXTENSION') && event.approve,
    votePassed: ({ event }) => event.type === 'RECORD_VOTE_RESULT' && event.passed,
    voteFailed: ({ event }) => event.type === 'RECORD_VOTE_RESULT' && !event.passed,
    publishes: ({ event }) => event.type === 'DECIDE_DISCLOSURE' && event.mode !== 'WITHHELD',
    followUpEnds: ({ context, event }) => {
      const next = classificationAfterFollowUp(context, event);
      return next === null || !context.rules.followUpClassifications.includes(next);
    },
  },
});

// ---------------------------------------------------------------- context updates

const machineSetup = effects.extend({
  actions: {
    addCosigner: effects.assign(({ context, event }) => ({
      proposers: [
        ...context.proposers,
        { deputyId: expectEvent(event, 'INVITE_COSIGNER').deputyId, role: 'COSIGNER', status: 'INVITED', viaSuggestionId: null },
      ],
    })),
    removeCosigner: effects.assign(({ context, event }) => {
      const { deputyId } = expectEvent(event, 'REMOVE_COSIGNER');
      return { proposers: context.proposers.filter((p) => p.deputyId !== deputyId) };
    }),
    confirmCosign: effects.assign(({ context, event }) => ({
      proposers: context.proposers.map((p) => (p.deputyId === event.actor.deputyId ? { ...p, status: 'CONFIRMED' } : p)),
    })),
    declineCosign: effects.assign(({ context, event }) => ({
      proposers: context.proposers.map((p) => (p.deputyId === event.actor.deputyId ? { ...p, status: 'DECLINED' } : p)),
    })),
    /** Rejected, converted, merged or withdrawn: nothing is due any more. */
    end: effects.assign(({ event }) => ({
      endReason: 'reason' in event && typeof event.reason === 'string' ? event.reason : null,
      deadlines: {},
    })),
    /** Session suggestions are assigned in one batch at the assignment meeting; only between-session ones have a deadline. */
    openAssignmentDeadline: effects.assign(({ context, event }) =>
      context.duringSession ? {} : { deadlines: withDeadline(context.deadlines, deadlineKey.assignment, DeadlineKind.ASSIGNMENT, event.due.ASSIGNMENT) },
    ),
    absorb: effects.assign(({ context, event }) => {
      const e = expectEvent(event, 'ABSORB');
      return { proposers: [...context.proposers, ...absorbedProposers(context, e)], mergedFrom: [...context.mergedFrom, e.sourceSuggestionId] };
    }),
    startFirstRound: effects.assign(({ context, event }) => startRound(context, expectEvent(event, 'ASSIGN'), 1, event.due)),
    startRehandlingRound: effects.assign(({ context, event }) =>
      startRound(context, expectEvent(event, 'REASSIGN_FOR_REHANDLING'), context.round + 1, event.due),
    ),
    /** A failed satisfaction vote hands the item back to the same units for another round. */
    restartRoundAfterFailedVote: effects.assign(({ context, event }) => startRound(context, currentPlan(context), context.round + 1, event.due)),
    recordRoundAssignments: effects.enqueueActions(({ context, enqueue }) => {
      for (const a of currentAssignments(context)) {
        enqueue({ type: 'recordAssignment', params: { unitId: a.unitId, role: a.role, round: a.round } });
      }
    }),
    /** Acknowledging ends the unit's right to ask for adjustment. */
    acknowledge: effects.assign(({ context, event }) => {
      const unitId = event.actor.unitId as string;
      return {
        assignments: patchAssignment(context, unitId, { acknowledged: true }),
        deadlines: withoutDeadlines(context.deadlines, [deadlineKey.adjustment(unitId)]),
      };
    }),
    /** The request uses up the window; the unit keeps handling (and its reply deadline runs) until the office decides. */
    requestAdjustment: effects.assign(({ context, event }) => {
      const unitId = event.actor.unitId as string;
      return {
        assignments: patchAssignment(context, unitId, { adjustmentRequested: true }),
        deadlines: withoutDeadlines(context.deadlines, [deadlineKey.adjustment(unitId)]),
      };
    }),
    /** The new unit takes over the old one's role with fresh deadlines, as if just assigned. */
    replaceAdjustedUnit: effects.assign(({ context, event }) => {
      const e = expectEvent(event, 'DECIDE_ADJUSTMENT');
      const old = assignmentOf(context, e.unitId)!;
      const successor = newAssignment(e.newUnitId as string, old.role, context.round, event.due.REPLY, event.due.REPLY_MAX);
      const withoutOld = withoutDeadlines(context.deadlines, [
        deadlineKey.adjustment(old.unitId),
        deadlineKey.reply(old.unitId),
        deadlineKey.coUnitOpinion(old.unitId),
      ]);
      return {
        assignments: context.assignments.map((a) => (a === old ? successor : a)),
        deadlines: { ...withoutOld, ...assignmentDeadlines(successor, event.due, true) },
      };
    }),
    refuseAdjustment: effects.assign(({ context, event }) => ({
      assignments: patchAssignment(context, expectEvent(event, 'DECIDE_ADJUSTMENT').unitId, { adjustmentRequested: false }),
    })),
    countContact: effects.assign(({ context, event }) => {
      const a = assignmentOf(context, event.actor.unitId)!;
      return { assignments: patchAssignment(context, a.unitId, { contacts: a.contacts + 1 }) };
    }),
    storeOpinion: effects.assign(({ context, event }) => {
      const unitId = event.actor.unitId as string;
      return {
        assignments: patchAssignment(context, unitId, { opinionGiven: true }),
        deadlines: withoutDeadlines(context.deadlines, [deadlineKey.coUnitOpinion(unitId)]),
      };
    }),
    requestExtension: effects.assign(({ context, event }) => ({
      assignments: patchAssignment(context, event.actor.unitId as string, { extensionRequested: true }),
    })),
    extendReplyDeadline: effects.assign(({ context, event }) => {
      const e = expectEvent(event, 'DECIDE_EXTENSION');
      const a = assignmentOf(context, e.unitId)!;
      const dueAt = e.dueAt ?? (a.replyMaxAt as string);
      return {
        assignments: patchAssignment(context, e.unitId, { replyDueAt: dueAt, extensionRequested: false, overdue: false }),
        // Re-opened even if it had already passed: the approved extension makes the unit not overdue.
        deadlines: withDeadline(context.deadlines, deadlineKey.reply(e.unitId), DeadlineKind.REPLY, dueAt, e.unitId),
      };
    }),
    refuseExtension: effects.assign(({ context, event }) => ({
      assignments: patchAssignment(context, expectEvent(event, 'DECIDE_EXTENSION').unitId, { extensionRequested: false }),
    })),
    storeReply: effects.assign(({ context, event }) => {
      const e = expectEvent(event, 'REPLY');
      const unitId = e.actor.unitId as string;
      return {
        // A pending extension request is moot once the reply is in.
        assignments: patchAssignment(context, unitId, { classification: e.classification, extensionRequested: false }),
        deadlines: withoutDeadlines(context.deadlines, [deadlineKey.reply(unitId)]),
        unitsAgreeToDisclosure: context.unitsAgreeToDisclosure && e.agreesToDisclosure === true,
      };
    }),
    /** Every replying unit has replied: the round's classification is fixed and the proposers' feedback is due. */
    completeRound: effects.assign(({ context, event }) => ({
      classification: roundClassification(context),
      deadlines: withDeadline(closeUnitDeadlines(context.deadlines), deadlineKey.feedback, DeadlineKind.FEEDBACK, event.due.FEEDBACK),
    })),
    closePassedDeadline: effects.assign(({ context, event }) => ({
      deadlines: withoutDeadlines(context.deadlines, [expectEvent(event, 'DEADLINE_PASSED').deadlineKey]),
    })),
    markReplyOverdue: effects.assign(({ context, event }) => {
      const key = expectEvent(event, 'DEADLINE_PASSED').deadlineKey;
      const unitId = context.deadlines[key].unitId as string;
      return { assignments: patchAssignment(context, unitId, { overdue: true }), deadlines: withoutDeadlines(context.deadlines, [key]) };
    }),
    storeFeedback: effects.assign(({ context, event }) => ({
      feedback: [...context.feedback, feedbackEntryFrom(context, expectEvent(event, 'GIVE_FEEDBACK'))],
    })),
    /** Missing feedback is recorded as none given (nulls), never as satisfied. */
    fillMissingFeedback: effects.enqueueActions(({ context, enqueue }) => {
      const missing = missingFeedbackEntries(context);
      enqueue.assign({ feedback: [...context.feedback, ...missing] });
      for (const entry of missing) enqueue({ type: 'recordFeedback', params: entry });
    }),
    closeFeedbackDeadline: effects.assign(({ context }) => ({ deadlines: withoutDeadlines(context.deadlines, [deadlineKey.feedback]) })),
    storeFollowUpReply: effects.assign(({ context, event }) => {
      const e = expectEvent(event, 'FOLLOW_UP_REPLY');
      const assignments = patchAssignment(context, e.actor.unitId as string, { classification: e.classification });
      return { assignments, classification: roundClassification(context, assignments) };
    }),
    markKey: effects.assign(({ event }) => {
      const e = expectEvent(event, 'MARK_KEY');
      return {
        key: {
          topic: e.topic ?? null,
          supervisingLeaderId: e.supervisingLeaderId,
          leadingLeaderId: e.leadingLeaderId,
          hearings: 0,
          votes: 0,
          lastVotePassed: null,
        },
      };
    }),
    unmarkKey: effects.assign(({ context }) => ({ key: null, deadlines: withoutDeadlines(context.deadlines, [deadlineKey.reportAgain]) })),
    countHearing: effects.assign(({ context }) => ({
      key: { ...context.key!, hearings: context.key!.hearings + 1 },
      // Reporting again at a hearing is what the REPORT_AGAIN deadline asked for.
      deadlines: withoutDeadlines(context.deadlines, [deadlineKey.reportAgain]),
    })),
    countVote: effects.assign(({ context, event }) => ({
      key: { ...context.key!, votes: context.key!.votes + 1, lastVotePassed: expectEvent(event, 'RECORD_VOTE_RESULT').passed },
    })),
    openReportAgainDeadline: effects.assign(({ context, event }) => ({
      deadlines: withDeadline(context.deadlines, deadlineKey.reportAgain, DeadlineKind.REPORT_AGAIN, event.due.REPORT_AGAIN),
    })),
    openDisclosureDeadline: effects.assign(({ context, event }) => ({
      deadlines: withDeadline(context.deadlines, deadlineKey.disclosure, DeadlineKind.DISCLOSURE, event.due.DISCLOSURE),
    })),
    storeDisclosure: effects.assign(({ context, event }) => {
      const e = expectEvent(event, 'DECIDE_DISCLOSURE');
      return {
        disclosure: { mode: e.mode, reason: e.reason ?? null },
        deadlines: withoutDeadlines(context.deadlines, [deadlineKey.disclosure]),
      };
    }),
  },
});

// ---------------------------------------------------------------- shared transitions

const deadlineIs = (kind: OpenDeadlineKind) => ({ type: 'deadlineIs' as const, params: { kind } });
const feedbackLeadsTo = (outcome: FeedbackOutcome) => ({ type: 'feedbackLeadsTo' as const, params: { outcome } });

const WITHDRAWN = '#suggestion.withdrawn';
const KEY_HEARD = '#suggestion.active.key.heard';
const HANDLING_IN_PROGRESS = '#suggestion.active.handling.inProgress';
const HANDLING_CLOSED = '#suggestion.active.handling.closed';

/** A deputy may withdraw in writing at any non-final step; it ends handling at once. */
const withdrawDuringHandling = {
  guard: 'allowed',
  target: WITHDRAWN,
  actions: [notify('SUGGESTION_WITHDRAWN', (args) => [OFFICE, ...toCurrentUnits(args)]), 'end'],
} as const;

/** Another suggestion merged into this one: its proposers get our replies and give feedback. */
const absorbWhileOpen = { guard: 'allowed', actions: ['absorb'] } as const;

/** A failed satisfaction vote sends the item back to the same units for another round. */
const rehandleAfterFailedVote = {
  guard: and([stateIn(KEY_HEARD), 'allowed', 'voteFailed']),
  target: HANDLING_IN_PROGRESS,
  actions: ['restartRoundAfterFailedVote', 'recordRoundAssignments', notify('REHANDLING_AFTER_FAILED_VOTE', toCurrentUnits)],
} as const;

function feedbackOutcomeTransitions(recordActions: readonly ['storeFeedback', ReturnType<typeof recordGivenFeedback>] | readonly ['fillMissingFeedback']) {
  return [
    {
      guard: and(['allowed', feedbackLeadsTo('REHANDLING')]),
      target: 'awaitingRehandling',
      actions: [...recordActions, 'closeFeedbackDeadline', notify('REHANDLING_NEEDED', toOffice)],
    },
    {
      guard: and(['allowed', feedbackLeadsTo('FOLLOW_UP')]),
      target: 'followUp',
      actions: [...recordActions, 'closeFeedbackDeadline', notify('FOLLOW_UP_NEEDED', ({ context }) => unitRecipients(currentAssignments(context).filter((a) => a.classification !== null)))],
    },
    {
      guard: and(['allowed', feedbackLeadsTo('CLOSE')]),
      target: 'awaitingClose',
      actions: [...recordActions, 'closeFeedbackDeadline', notify('READY_TO_CLOSE', toOffice)],
    },
  ] as const;
}

function recordGivenFeedback() {
  return {
    type: 'recordFeedback' as const,
    params: ({ context, event }: ParamArgs) => {
      const e = expectEvent(event, 'GIVE_FEEDBACK');
      return { deputyId: e.actor.deputyId as string, round: context.round, handlingWork: e.handlingWork, result: e.result };
    },
  };
}

function recordUnitReply(followUp: boolean) {
  return {
    type: 'recordReply' as const,
    params: ({ context, event }: ParamArgs) => {
      const unitId = event.actor.unitId as string;
      const classification = 'classification' in event ? event.classification : (assignmentOf(context, unitId)?.classification as string);
      return { unitId, round: context.round, classification, followUp };
    },
  };
}

const replyEffects = [recordUnitReply(false), notify('REPLIED', toProposers)] as const;

const decideDisclosure = [
  { guard: and(['allowed', 'publishes']), target: 'published', actions: ['storeDisclosure'] },
  { guard: 'allowed', target: 'withheld', actions: ['storeDisclosure'] },
] as const;

// ---------------------------------------------------------------- the machine

export const suggestionMachineV1 = machineSetup.createMachine({
  id: 'suggestion',
  context: ({ input }) => initialContext(input),
  initial: 'draft',
  states: {
    draft: {
      on: {
        INVITE_COSIGNER: {
          guard: 'allowed',
          actions: ['addCosigner', notify('COSIGN_INVITED', ({ event }) => [{ kind: 'DEPUTY', deputyId: expectEvent(event, 'INVITE_COSIGNER').deputyId }])],
        },
        REMOVE_COSIGNER: {
          guard: 'allowed',
          actions: ['removeCosigner', notify('COSIGN_REMOVED', ({ event }) => [{ kind: 'DEPUTY', deputyId: expectEvent(event, 'REMOVE_COSIGNER').deputyId }])],
        },
        CONFIRM_COSIGN: {
          guard: 'allowed',
          actions: ['confirmCosign', notify('COSIGN_CONFIRMED', ({ context }) => leadDeputyRecipient(context))],
        },
        DECLINE_COSIGN: {
          guard: 'allowed',
          actions: ['declineCosign', notify('COSIGN_DECLINED', ({ context }) => leadDeputyRecipient(context))],
        },
        SUBMIT: { guard: 'allowed', target: 'review', actions: [notify('SUGGESTION_SUBMITTED', toOffice)] },
        WITHDRAW: {
          guard: 'allowed',
          target: 'withdrawn',
          // The office has not seen a draft; only the invited deputies need to know.
          actions: [
            notify('SUGGESTION_WITHDRAWN', ({ context }) =>
              cosigners(context)
                .filter((p) => p.status !== 'DECLINED')
                .map((p) => ({ kind: 'DEPUTY' as const, deputyId: p.deputyId })),
            ),
            'end',
          ],
        },
      },
    },

    review: {
      on: {
        ACCEPT: {
          target: 'active',
          actions: [{ type: 'allocateNumber', params: {} }, 'openAssignmentDeadline', notify('SUGGESTION_ACCEPTED', toProposers)],
        },
        MERGE: {
          guard: 'allowed',
          target: 'merged',
          actions: [
            {
              type: 'absorbInto',
              params: ({ context, event }: ParamArgs) => ({
                targetSuggestionId: expectEvent(event, 'MERGE').targetSuggestionId,
                proposers: confirmedProposers(context),
              }),
            },
            notify('SUGGESTION_MERGED', toProposers),
            'end',
          ],
        },
        CONVERT_TO_LETTER: {
          guard: 'allowed',
          target: 'convertedToLetter',
          actions: [notify('SUGGESTION_CONVERTED_TO_LETTER', toProposers), 'end'],
        },
        REJECT: { guard: 'allowed', target: 'rejected', actions: [notify('SUGGESTION_REJECTED', toProposers), 'end'] },
        ABSORB: absorbWhileOpen,
        WITHDRAW: { guard: 'allowed', target: 'withdrawn', actions: [notify('SUGGESTION_WITHDRAWN', toOffice), 'end'] },
      },
    },

    active: {
      type: 'parallel',
      states: {
        handling: {
          initial: 'awaitingAssignment',
          states: {
            awaitingAssignment: {
              on: {
                ASSIGN: {
                  guard: 'allowed',
                  target: 'inProgress',
                  actions: ['startFirstRound', 'recordRoundAssignments', notify('ASSIGNED', toCurrentUnits)],
                },
                DEADLINE_PASSED: {
                  guard: and(['allowed', deadlineIs(DeadlineKind.ASSIGNMENT)]),
                  actions: ['closePassedDeadline', notify('ASSIGNMENT_OVERDUE', toOffice)],
                },
                WITHDRAW: withdrawDuringHandling,
                ABSORB: absorbWhileOpen,
              },
            },

            inProgress: {
              on: {
                ACKNOWLEDGE: { guard: 'allowed', actions: ['acknowledge'] },
                REQUEST_ADJUSTMENT: { guard: 'allowed', actions: ['requestAdjustment', notify('ADJUSTMENT_REQUESTED', toOffice)] },
                DECIDE_ADJUSTMENT: [
                  {
                    guard: and(['allowed', 'approved']),
                    actions: [
                      {
                        type: 'endAssignment',
                        params: ({ context, event }: ParamArgs) => {
                          const e = expectEvent(event, 'DECIDE_ADJUSTMENT');
                          return { unitId: e.unitId, round: context.round, reason: e.reason };
                        },
                      },
                      notify('ADJUSTMENT_APPROVED', toDecidedUnit),
                      'replaceAdjustedUnit',
                      {
                        type: 'recordAssignment',
                        params: ({ context, event }: ParamArgs) => {
                          const successor = assignmentOf(context, expectEvent(event, 'DECIDE_ADJUSTMENT').newUnitId)!;
                          return { unitId: successor.unitId, role: successor.role, round: successor.round };
                        },
                      },
                      notify('ASSIGNED', ({ event }) => [{ kind: 'UNIT', unitId: expectEvent(event, 'DECIDE_ADJUSTMENT').newUnitId as string }]),
                    ],
                  },
                  { guard: 'allowed', actions: ['refuseAdjustment', notify('ADJUSTMENT_REFUSED', toDecidedUnit)] },
                ],
                RECORD_CONTACT: { guard: 'allowed', actions: ['countContact'] },
                SUBMIT_OPINION: { guard: 'allowed', actions: ['storeOpinion', notify('CO_UNIT_OPINION_RECEIVED', ({ context }) => leadUnitRecipient(context))] },
                REQUEST_EXTENSION: { guard: 'allowed', actions: ['requestExtension', notify('EXTENSION_REQUESTED', toOffice)] },
                DECIDE_EXTENSION: [
                  { guard: and(['allowed', 'approved']), actions: ['extendReplyDeadline', notify('EXTENSION_APPROVED', toDecidedUnit)] },
                  { guard: 'allowed', actions: ['refuseExtension', notify('EXTENSION_REFUSED', toDecidedUnit)] },
                ],
                REPLY: [
                  {
                    guard: and(['allowed', 'replyCompletesRound']),
                    target: 'awaitingFeedback',
                    actions: ['storeReply', ...replyEffects, 'completeRound'],
                  },
                  { guard: 'allowed', actions: ['storeReply', ...replyEffects] },
                ],
                DEADLINE_PASSED: [
                  {
                    // After the window the assignment stands.
                    guard: and(['allowed', deadlineIs(DeadlineKind.ADJUSTMENT)]),
                    actions: ['closePassedDeadline'],
                  },
                  {
                    guard: and(['allowed', deadlineIs(DeadlineKind.REPLY)]),
                    actions: ['markReplyOverdue', notify('OVERDUE', ({ context }) => [OFFICE, ...supervisingLeaderRecipient(context)])],
                  },
                  {
                    guard: and(['allowed', deadlineIs(DeadlineKind.CO_UNIT_OPINION)]),
                    actions: ['closePassedDeadline', notify('OPINION_OVERDUE', ({ context }) => [...leadUnitRecipient(context), OFFICE])],
                  },
                ],
                RECORD_VOTE_RESULT: rehandleAfterFailedVote,
                WITHDRAW: withdrawDuringHandling,
                ABSORB: absorbWhileOpen,
              },
            },

            awaitingFeedback: {
              on: {
                GIVE_FEEDBACK: [...feedbackOutcomeTransitions(['storeFeedback', recordGivenFeedback()]), { guard: 'allowed', actions: ['storeFeedback', recordGivenFeedback()] }],
                DEADLINE_PASSED: feedbackOutcomeTransitions(['fillMissingFeedback']),
                RECORD_VOTE_RESULT: rehandleAfterFailedVote,
                WITHDRAW: withdrawDuringHandling,
                ABSORB: absorbWhileOpen,
              },
            },

            awaitingRehandling: {
              on: {
                REASSIGN_FOR_REHANDLING: {
                  guard: 'allowed',
                  target: 'inProgress',
                  actions: ['startRehandlingRound', 'recordRoundAssignments', notify('REHANDLING_ASSIGNED', toCurrentUnits)],
                },
                WITHDRAW: withdrawDuringHandling,
                ABSORB: absorbWhileOpen,
              },
            },

            followUp: {
              on: {
                FOLLOW_UP_REPLY: [
                  {
                    // Solved (or no longer a follow-up class): nothing left to follow.
                    guard: and(['allowed', 'followUpEnds']),
                    target: 'awaitingClose',
                    actions: ['storeFollowUpReply', recordUnitReply(true), notify('FOLLOW_UP_REPLIED', toProposers), notify('READY_TO_CLOSE', toOffice)],
                  },
                  { guard: 'allowed', actions: ['storeFollowUpReply', recordUnitReply(true), notify('FOLLOW_UP_REPLIED', toProposers)] },
                ],
                FOLLOW_UP_EXPLAIN: {
                  guard: 'allowed',
                  target: 'awaitingClose',
                  actions: [recordUnitReply(true), notify('FOLLOW_UP_EXPLAINED', toProposers), notify('READY_TO_CLOSE', toOffice)],
                },
                RECORD_VOTE_RESULT: rehandleAfterFailedVote,
                WITHDRAW: withdrawDuringHandling,
                ABSORB: absorbWhileOpen,
              },
            },

            awaitingClose: {
              on: {
                CLOSE: { guard: 'allowed', target: 'closed', actions: [notify('CLOSED', toProposers)] },
                RECORD_VOTE_RESULT: rehandleAfterFailedVote,
                WITHDRAW: withdrawDuringHandling,
                ABSORB: absorbWhileOpen,
              },
            },

            closed: { type: 'final' },
          },
        },

        key: {
          initial: 'none',
          states: {
            none: {
              on: {
                MARK_KEY: {
                  guard: and([not(stateIn(HANDLING_CLOSED)), 'allowed']),
                  target: 'selected',
                  actions: ['markKey', notify('KEY_SUGGESTION_ASSIGNED', ({ context }) => keyLeaderRecipients(context))],
                },
              },
            },
            selected: {
              on: {
                RECORD_HEARING: { guard: 'allowed', target: 'heard', actions: ['countHearing'] },
                UNMARK_KEY: { guard: 'allowed', target: 'none', actions: ['unmarkKey'] },
              },
            },
            heard: {
              on: {
                RECORD_HEARING: { guard: 'allowed', actions: ['countHearing'] },
                RECORD_VOTE_RESULT: [
                  {
                    guard: and(['allowed', 'votePassed']),
                    target: 'passed',
                    actions: ['countVote', notify('KEY_VOTE_PASSED', ({ context }) => [OFFICE, ...keyLeaderRecipients(context)])],
                  },
                  {
                    guard: and(['allowed', 'voteFailed']),
                    target: 'failed',
                    actions: ['countVote', 'openReportAgainDeadline', notify('KEY_VOTE_FAILED', ({ context }) => [OFFICE, ...keyLeaderRecipients(context)])],
                  },
                ],
                UNMARK_KEY: { guard: 'allowed', target: 'none', actions: ['unmarkKey'] },
              },
            },
            failed: {
              on: {
                RECORD_HEARING: { guard: 'allowed', target: 'heard', actions: ['countHearing'] },
                DEADLINE_PASSED: {
                  guard: and(['allowed', deadlineIs(DeadlineKind.REPORT_AGAIN)]),
                  actions: ['closePassedDeadline', notify('REPORT_AGAIN_OVERDUE', ({ context }) => [OFFICE, ...supervisingLeaderRecipient(context)])],
                },
                UNMARK_KEY: { guard: 'allowed', target: 'none', actions: ['unmarkKey'] },
              },
            },
            passed: {},
          },
        },

        disclosure: {
          initial: 'notDue',
          states: {
            notDue: {
              on: {
                // The first completed reply starts the disclosure clock (same guards as handling's REPLY).
                REPLY: {
                  guard: and([stateIn(HANDLING_IN_PROGRESS), 'allowed', 'replyCompletesRound']),
                  target: 'pending',
                  actions: ['openDisclosureDeadline'],
                },
              },
            },
            pending: {
              on: {
                DECIDE_DISCLOSURE: decideDisclosure,
                DEADLINE_PASSED: {
                  guard: and(['allowed', deadlineIs(DeadlineKind.DISCLOSURE)]),
                  actions: ['closePassedDeadline', notify('DISCLOSURE_OVERDUE', toOffice)],
                },
              },
            },
            // A revised decision is allowed.
            published: { on: { DECIDE_DISCLOSURE: decideDisclosure } },
            withheld: { on: { DECIDE_DISCLOSURE: decideDisclosure } },
          },
        },
      },
    },

    merged: { type: 'final' },
    convertedToLetter: { type: 'final' },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

export type SuggestionMachineV1 = typeof suggestionMachineV1;
