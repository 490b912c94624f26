import { initialTransition, transition } from 'xstate';
import { Role, SYSTEM_ACTOR, type Actor } from '../common/actor';
import { voteSessionMachineV1 } from './vote-session.machine.v1';
import { mayActorSendVoteEvent, voteSessionEventTypes } from './vote-session-permissions';
import { explainVoteRefusal } from './vote-session-rules';
import { persistVoteSnapshot, restoreVoteSnapshot } from './vote-session-snapshot.util';
import type { VoteSessionEvent, VoteSessionEventPayload, VoteSessionInput } from './vote-session.types';

const machine = voteSessionMachineV1;
const AT = '2026-06-20T02:00:00.000Z';
const office: Actor = { userId: 'office-1', roles: [Role.OFFICE], deputyId: null, unitId: null };
const chair: Actor = { userId: 'chair-1', roles: [Role.SC_LEADER, Role.SC_MEMBER], deputyId: null, unitId: null };
const otherLeader: Actor = { userId: 'leader-2', roles: [Role.SC_LEADER], deputyId: null, unitId: null };
const member: Actor = { userId: 'member-1', roles: [Role.SC_MEMBER], deputyId: null, unitId: null };

const input = (overrides: Partial<VoteSessionInput> = {}): VoteSessionInput => ({
  rules: { failWhenUnsatisfiedExceedsShare: 0.5, inviteDeputies: false },
  chairUserId: chair.userId,
  itemCount: 5,
  ...overrides,
});
const event = (payload: VoteSessionEventPayload, actor: Actor = office): VoteSessionEvent => ({ ...payload, actor, at: AT, due: {} });
const members = (n: number) => Array.from({ length: n }, (_, i) => ({ userId: `m${i}`, kind: 'MEMBER' as const }));
const open: VoteSessionEventPayload = { type: 'OPEN', voters: members(3) };

function run(payloads: VoteSessionEventPayload[], start = input()) {
  let [snapshot] = initialTransition(machine, start);
  let actions: Array<{ type: string; params?: unknown }> = [];
  for (const payload of payloads) [snapshot, actions] = transition(machine, snapshot, event(payload));
  return { snapshot, actions };
}

describe('vote session machine v1', () => {
  it.each<[string, VoteSessionEventPayload[], string]>([
    ['starts created', [], 'created'],
    ['opens', [open], 'open'],
    ['closes', [open, { type: 'CLOSE' }], 'closed'],
    ['publishes', [open, { type: 'CLOSE' }, { type: 'PUBLISH' }], 'published'],
    ['is cancelled before opening', [{ type: 'CANCEL', reason: 'Meeting postponed.' }], 'cancelled'],
    ['is cancelled while open', [open, { type: 'CANCEL', reason: 'Quorum lost.' }], 'cancelled'],
    ['cannot close before opening', [{ type: 'CLOSE' }], 'created'],
    ['cannot publish while open', [open, { type: 'PUBLISH' }], 'open'],
    ['cannot be cancelled once closed', [open, { type: 'CLOSE' }, { type: 'CANCEL', reason: 'Too late.' }], 'closed'],
    ['cannot be reopened once closed', [open, { type: 'CLOSE' }, open], 'closed'],
  ])('%s', (_name, payloads, state) => {
    expect(run(payloads).snapshot.value).toBe(state);
  });

  it('fixes the entitled voters when it opens', () => {
    const voters = [...members(2), { userId: 'd1', kind: 'DEPUTY' as const }];
    const { snapshot, actions } = run([{ type: 'OPEN', voters }], input({ rules: { failWhenUnsatisfiedExceedsShare: 0.5, inviteDeputies: true } }));
    expect(snapshot.context).toMatchObject({ memberCount: 2, deputyCount: 1, openedAt: AT });
    expect(actions).toEqual([expect.objectContaining({ type: 'fixEntitledVoters', params: { voters } })]);
  });

  it('asks for the results to be recorded when it closes, and for a number when it publishes', () => {
    expect(run([open, { type: 'CLOSE' }]).actions.map((a) => a.type)).toEqual(['recordResults']);
    expect(run([open, { type: 'CLOSE' }, { type: 'PUBLISH' }]).actions.map((a) => a.type)).toEqual(['allocateAnnouncementNumber']);
  });

  it('keeps the cancel reason', () => {
    expect(run([{ type: 'CANCEL', reason: 'Meeting postponed.' }]).snapshot.context.cancelReason).toBe('Meeting postponed.');
  });

  it('survives persisting and restoring', () => {
    const { snapshot } = run([open]);
    const restored = restoreVoteSnapshot(machine, persistVoteSnapshot(snapshot));
    expect(restored.value).toBe('open');
    expect(transition(machine, restored, event({ type: 'CLOSE' }))[0].value).toBe('closed');
  });
});

describe('vote session rules', () => {
  const [created] = initialTransition(machine, input());
  it.each<[string, VoteSessionEventPayload, VoteSessionInput, string | null]>([
    ['members present open it', open, input(), null],
    ['nobody present is refused', { type: 'OPEN', voters: [] }, input(), 'the entitled voters (members present) are required'],
    ['a voter listed twice is refused', { type: 'OPEN', voters: [...members(2), { userId: 'm0', kind: 'MEMBER' }] }, input(), 'voter m0 is listed twice'],
    ['deputies need the profile to allow them', { type: 'OPEN', voters: [...members(1), { userId: 'd1', kind: 'DEPUTY' }] }, input(), "this jurisdiction's profile does not allow invited deputies to vote"],
    ['deputies alone are not a committee', { type: 'OPEN', voters: [{ userId: 'd1', kind: 'DEPUTY' }] }, input({ rules: { failWhenUnsatisfiedExceedsShare: 0.5, inviteDeputies: true } }), 'at least one standing-committee member must be present'],
    ['a session without items cannot open', open, input({ itemCount: 0 }), 'a vote session needs at least one key suggestion to vote on'],
    ['cancelling needs a reason', { type: 'CANCEL', reason: ' ' }, input(), 'a reason for cancelling is required'],
  ])('%s', (_name, payload, start, reason) => {
    const [snapshot] = initialTransition(machine, start);
    expect(explainVoteRefusal(snapshot.context, event(payload))).toBe(reason);
    expect(snapshot.can(event(payload))).toBe(reason === null);
    expect(created.value).toBe('created');
  });
});

describe('vote session permissions', () => {
  const [snapshot] = initialTransition(machine, input());
  it.each<[string, Actor, boolean]>([
    ['the office', office, true],
    ['the chair', chair, true],
    ['another leader', otherLeader, false],
    ['a member', member, false],
    ['the system', SYSTEM_ACTOR, false],
  ])('%s may open, close and cancel: %s', (_name, actor, allowed) => {
    for (const type of ['OPEN', 'CLOSE', 'CANCEL'] as const) expect(mayActorSendVoteEvent(type, actor, snapshot.context)).toBe(allowed);
  });

  it('lets only the office publish', () => {
    expect(mayActorSendVoteEvent('PUBLISH', office, snapshot.context)).toBe(true);
    expect(mayActorSendVoteEvent('PUBLISH', chair, snapshot.context)).toBe(false);
  });

  it('names every event type', () => expect([...voteSessionEventTypes].sort()).toEqual(['CANCEL', 'CLOSE', 'OPEN', 'PUBLISH']));
});
