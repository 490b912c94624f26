/**
 * A standing-committee satisfaction vote on N key suggestions, version 1:
 * created → open → closed → published, or cancelled before it closes.
 *
 * Pure: no timers, no I/O, no functions in context. Ballots never reach the machine (a ballot as an event
 * would put a voter and a choice side by side in the audit trail); the meetings domain counts them apart.
 * Side effects are named actions with params (VoteSessionEffects) that the engine performs in the event's
 * transaction: fixing the voters at OPEN, sealing the results and telling each suggestion at CLOSE, numbering
 * the announcement at PUBLISH.
 *
 * Persisted snapshots exist in the database: never change state names or the meaning of context here;
 * write vote-session.machine.v2.ts instead.
 */
import { assign, setup } from 'xstate';
import { explainVoteRefusal } from './vote-session-rules';
import type { VoteSessionContext, VoteSessionEffects, VoteSessionEvent, VoteSessionInput } from './vote-session.types';

export const VOTE_SESSION_MACHINE_V1 = 1;

function expectEvent<T extends VoteSessionEvent['type']>(event: VoteSessionEvent, type: T): Extract<VoteSessionEvent, { type: T }> {
  if (event.type !== type) throw new Error(`expected ${type}, got ${event.type}`);
  return event as Extract<VoteSessionEvent, { type: T }>;
}

const machineSetup = setup({
  types: {
    context: {} as VoteSessionContext,
    events: {} as VoteSessionEvent,
    input: {} as VoteSessionInput,
  },
  actions: {
    fixEntitledVoters: (_: unknown, _params: VoteSessionEffects['fixEntitledVoters']) => {},
    recordResults: (_: unknown, _params: VoteSessionEffects['recordResults']) => {},
    allocateAnnouncementNumber: (_: unknown, _params: VoteSessionEffects['allocateAnnouncementNumber']) => {},
    storeOpening: assign(({ event }) => {
      const e = expectEvent(event, 'OPEN');
      return {
        memberCount: e.voters.filter((v) => v.kind === 'MEMBER').length,
        deputyCount: e.voters.filter((v) => v.kind === 'DEPUTY').length,
        openedAt: e.at,
      };
    }),
    storeClosing: assign(({ event }) => ({ closedAt: event.at })),
    storePublishing: assign(({ event }) => ({ publishedAt: event.at })),
    storeCancel: assign(({ event }) => ({ cancelReason: expectEvent(event, 'CANCEL').reason })),
  },
  guards: {
    /** The single source of refusals (vote-session-rules.ts). */
    allowed: ({ context, event }) => explainVoteRefusal(context, event) === null,
  },
});

const cancel = { guard: 'allowed', target: 'cancelled', actions: ['storeCancel'] } as const;

export const voteSessionMachineV1 = machineSetup.createMachine({
  id: 'voteSession',
  context: ({ input }) => ({
    rules: input.rules,
    chairUserId: input.chairUserId,
    itemCount: input.itemCount,
    memberCount: 0,
    deputyCount: 0,
    openedAt: null,
    closedAt: null,
    publishedAt: null,
    cancelReason: null,
  }),
  initial: 'created',
  states: {
    created: {
      on: {
        OPEN: {
          guard: 'allowed',
          target: 'open',
          actions: [
            'storeOpening',
            { type: 'fixEntitledVoters', params: ({ event }) => ({ voters: expectEvent(event, 'OPEN').voters }) },
          ],
        },
        CANCEL: cancel,
      },
    },
    open: {
      on: {
        CLOSE: { guard: 'allowed', target: 'closed', actions: ['storeClosing', { type: 'recordResults', params: {} }] },
        CANCEL: cancel,
      },
    },
    closed: {
      on: {
        PUBLISH: { guard: 'allowed', target: 'published', actions: ['storePublishing', { type: 'allocateAnnouncementNumber', params: {} }] },
      },
    },
    published: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

export type VoteSessionMachineV1 = typeof voteSessionMachineV1;
