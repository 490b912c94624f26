/**
 * A list of review opinions (审议意见清单), version 1: draft → handling → reported → done, or cancelled.
 *
 * Items are data in the context (one entry per opinion, each with its unit, status and deadline), read by guards,
 * not child machines. Deadlines live in `context.deadlines`; the engine mirrors them into rows, reminds before
 * them and sends DEADLINE_PASSED, which marks the item or the report overdue and escalates to the office.
 * A failed satisfaction score (RECORD_VOTE_RESULT from the vote session) asks for the report again.
 *
 * Persisted snapshots exist in the database: never change state names or the meaning of context here;
 * write review-opinion-list.machine.v2.ts instead.
 */
import { assign, setup } from 'xstate';
import { explainReviewRefusal } from './review-opinion-list-rules';
import {
  ReviewDeadlineKind,
  type OpenDeadline,
  type ReviewItem,
  type ReviewListContext,
  type ReviewListEffects,
  type ReviewListEvent,
  type ReviewListInput,
} from './review-opinion-list.types';

export const REVIEW_OPINION_LIST_MACHINE_V1 = 1;

export const REPORT_DEADLINE_KEY = 'report';
export const itemDeadlineKey = (itemId: string) => `item_${itemId}`;

type Recipient = { kind: 'OFFICE' } | { kind: 'UNIT'; unitId: string };
export interface NotifyParams {
  template: string;
  to: Recipient[];
}

function expectEvent<T extends ReviewListEvent['type']>(event: ReviewListEvent, type: T): Extract<ReviewListEvent, { type: T }> {
  if (event.type !== type) throw new Error(`expected ${type}, got ${event.type}`);
  return event as Extract<ReviewListEvent, { type: T }>;
}

const patchItem = (ctx: ReviewListContext, itemId: string, patch: Partial<ReviewItem>) =>
  ctx.items.map((item) => (item.id === itemId ? { ...item, ...patch } : item));

const without = (deadlines: Record<string, OpenDeadline>, key: string) => {
  const { [key]: _gone, ...rest } = deadlines;
  return rest;
};

const itemUnit = (ctx: ReviewListContext, itemId: string) => ctx.items.find((item) => item.id === itemId)?.unitId ?? '';

const machineSetup = setup({
  types: {
    context: {} as ReviewListContext,
    events: {} as ReviewListEvent,
    input: {} as ReviewListInput,
  },
  actions: {
    notify: (_: unknown, _params: NotifyParams) => {},
    storeItemReport: (_: unknown, _params: ReviewListEffects['storeItemReport']) => {},
    storeSendBack: (_: unknown, _params: ReviewListEffects['storeSendBack']) => {},
    storeListReport: (_: unknown, _params: ReviewListEffects['storeListReport']) => {},
    assignItems: assign(({ context, event }) => {
      const e = expectEvent(event, 'ASSIGN');
      const itemDue = e.itemDueAt ?? e.due[ReviewDeadlineKind.REVIEW_ITEM];
      const reportDue = e.due[ReviewDeadlineKind.REVIEW_REPORT];
      const deadlines: Record<string, OpenDeadline> = { [REPORT_DEADLINE_KEY]: { kind: ReviewDeadlineKind.REVIEW_REPORT, dueAt: reportDue, unitId: context.reportingUnitId } };
      for (const item of context.items) deadlines[itemDeadlineKey(item.id)] = { kind: ReviewDeadlineKind.REVIEW_ITEM, dueAt: itemDue, unitId: item.unitId };
      return {
        items: context.items.map((item) => ({ ...item, firstDueAt: itemDue, dueAt: itemDue })),
        deadlines,
        assignedAt: e.at,
        reportDueAt: reportDue,
      };
    }),
    markReported: assign(({ context, event }) => {
      const e = expectEvent(event, 'REPORT_ITEM');
      const item = context.items.find((i) => i.id === e.itemId) as ReviewItem;
      return { items: patchItem(context, e.itemId, { status: 'REPORTED', reportCount: item.reportCount + 1 }) };
    }),
    closeItem: assign(({ context, event }) => {
      const e = expectEvent(event, 'CLOSE_ITEM');
      const item = context.items.find((i) => i.id === e.itemId) as ReviewItem;
      const onTime = item.firstDueAt !== null && Date.parse(e.at) <= Date.parse(item.firstDueAt);
      return {
        items: patchItem(context, e.itemId, { status: 'CLOSED', closedAt: e.at, closedOnTime: onTime }),
        deadlines: without(context.deadlines, itemDeadlineKey(e.itemId)),
      };
    }),
    sendBack: assign(({ context, event }) => {
      const e = expectEvent(event, 'SEND_BACK_ITEM');
      const item = context.items.find((i) => i.id === e.itemId) as ReviewItem;
      const dueAt = e.due[ReviewDeadlineKind.REVIEW_REWORK];
      return {
        items: patchItem(context, e.itemId, { status: 'SENT_BACK', sentBackCount: item.sentBackCount + 1, dueAt }),
        deadlines: { ...context.deadlines, [itemDeadlineKey(e.itemId)]: { kind: ReviewDeadlineKind.REVIEW_REWORK, dueAt, unitId: item.unitId } },
      };
    }),
    submitReport: assign(({ context, event }) => ({
      reportSubmittedAt: event.at,
      deadlines: without(context.deadlines, REPORT_DEADLINE_KEY),
    })),
    storeScore: assign(({ context, event }) => {
      const e = expectEvent(event, 'RECORD_VOTE_RESULT');
      return { scores: [...context.scores, { voteSessionId: e.voteSessionId, passed: e.passed }] };
    }),
    askReportAgain: assign(({ context, event }) => {
      const dueAt = event.due[ReviewDeadlineKind.REPORT_AGAIN];
      return {
        reportRound: context.reportRound + 1,
        reportSubmittedAt: null,
        reportDueAt: dueAt,
        reportOverdue: false,
        deadlines: { ...context.deadlines, [REPORT_DEADLINE_KEY]: { kind: ReviewDeadlineKind.REPORT_AGAIN, dueAt, unitId: context.reportingUnitId } },
      };
    }),
    conclude: assign(({ event }) => ({ concludedAt: event.at })),
    cancel: assign(({ event }) => ({ cancelReason: expectEvent(event, 'CANCEL').reason, deadlines: {} })),
    passDeadline: assign(({ context, event }) => {
      const key = expectEvent(event, 'DEADLINE_PASSED').deadlineKey;
      const deadlines = without(context.deadlines, key);
      if (key === REPORT_DEADLINE_KEY) return { reportOverdue: true, deadlines };
      return { items: patchItem(context, key.slice('item_'.length), { overdue: true }), deadlines };
    }),
  },
  guards: {
    /** The single source of refusals (review-opinion-list-rules.ts). */
    allowed: ({ context, event }) => explainReviewRefusal(context, event) === null,
    votePassed: ({ event }) => event.type === 'RECORD_VOTE_RESULT' && event.passed,
  },
});

const notifyUnitOfItem = (template: string) =>
  ({ type: 'notify', params: ({ context, event }: { context: ReviewListContext; event: ReviewListEvent }): NotifyParams => ({
    template,
    to: [{ kind: 'UNIT', unitId: itemUnit(context, (event as { itemId: string }).itemId) }],
  }) }) as const;

const notifyOnDeadline = {
  type: 'notify',
  params: ({ context, event }: { context: ReviewListContext; event: ReviewListEvent }): NotifyParams => {
    const deadline = context.deadlines[expectEvent(event, 'DEADLINE_PASSED').deadlineKey];
    return { template: 'OVERDUE', to: [{ kind: 'OFFICE' }, ...(deadline?.unitId ? [{ kind: 'UNIT' as const, unitId: deadline.unitId }] : [])] };
  },
} as const;

const cancel = { guard: 'allowed', target: 'cancelled', actions: ['cancel'] } as const;

export const reviewOpinionListMachineV1 = machineSetup.createMachine({
  id: 'reviewOpinionList',
  context: ({ input }) => ({
    reportingUnitId: input.reportingUnitId,
    items: input.items.map((item, index) => ({
      id: item.id, position: index + 1, unitId: item.unitId, status: 'ASSIGNED' as const, firstDueAt: null, dueAt: null,
      reportCount: 0, sentBackCount: 0, overdue: false, closedAt: null, closedOnTime: null,
    })),
    deadlines: {},
    assignedAt: null,
    reportDueAt: null,
    reportSubmittedAt: null,
    reportOverdue: false,
    reportRound: 1,
    scores: [],
    concludedAt: null,
    cancelReason: null,
  }),
  initial: 'draft',
  states: {
    draft: {
      on: {
        ASSIGN: {
          guard: 'allowed',
          target: 'handling',
          actions: [
            'assignItems',
            { type: 'notify', params: ({ context }) => ({ template: 'ASSIGNED', to: [...new Set(context.items.map((i) => i.unitId))].map((unitId) => ({ kind: 'UNIT' as const, unitId })) }) },
          ],
        },
        CANCEL: cancel,
      },
    },
    handling: {
      on: {
        REPORT_ITEM: {
          guard: 'allowed',
          actions: [
            'markReported',
            { type: 'storeItemReport', params: ({ event }) => { const e = expectEvent(event, 'REPORT_ITEM'); return { itemId: e.itemId, text: e.text, at: e.at }; } },
            { type: 'notify', params: { template: 'REPLIED', to: [{ kind: 'OFFICE' }] } },
          ],
        },
        CLOSE_ITEM: { guard: 'allowed', actions: ['closeItem', notifyUnitOfItem('CLOSED')] },
        SEND_BACK_ITEM: {
          guard: 'allowed',
          actions: [
            'sendBack',
            { type: 'storeSendBack', params: ({ event }) => { const e = expectEvent(event, 'SEND_BACK_ITEM'); return { itemId: e.itemId, reason: e.reason, at: e.at }; } },
            notifyUnitOfItem('REHANDLING_ASSIGNED'),
          ],
        },
        SUBMIT_REPORT: {
          guard: 'allowed',
          target: 'reported',
          actions: [
            'submitReport',
            { type: 'storeListReport', params: ({ event }) => { const e = expectEvent(event, 'SUBMIT_REPORT'); return { text: e.text, at: e.at }; } },
            { type: 'notify', params: { template: 'REPLIED', to: [{ kind: 'OFFICE' }] } },
          ],
        },
        DEADLINE_PASSED: { guard: 'allowed', actions: [notifyOnDeadline, 'passDeadline'] },
        CANCEL: cancel,
      },
    },
    reported: {
      on: {
        RECORD_VOTE_RESULT: [
          { guard: 'votePassed', target: 'done', actions: ['storeScore', 'conclude'] },
          {
            target: 'handling',
            actions: [
              'storeScore',
              'askReportAgain',
              { type: 'notify', params: ({ context }) => ({ template: 'VOTE_FAILED', to: [{ kind: 'OFFICE' as const }, { kind: 'UNIT' as const, unitId: context.reportingUnitId }] }) },
            ],
          },
        ],
        CONCLUDE: { guard: 'allowed', target: 'done', actions: ['conclude'] },
      },
    },
    done: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

export type ReviewOpinionListMachineV1 = typeof reviewOpinionListMachineV1;
