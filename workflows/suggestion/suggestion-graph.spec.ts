/**
 * Model-based coverage: traverse the machine's graph with @xstate/graph from a set of realistic sample
 * events, and check that every state node and every transition of the machine definition is reached.
 * A new state or transition without a sample event that reaches it fails this test.
 */
import { getAdjacencyMap, getShortestPaths, getStateNodes } from '@xstate/graph';
import type { AnyStateNode } from '@xstate/graph';
import { initialTransition, transition } from 'xstate';
import { suggestionMachineV1 } from './suggestion-handling.machine.v1';
import { mayActorSend } from './suggestion-permissions';
import type { SuggestionContext, SuggestionEvent, SuggestionEventPayload } from './suggestion.types';
import {
  ABSORBED,
  actors,
  addDays,
  CO1,
  contactPayload,
  event,
  GOV_LEADER,
  input,
  replyPayload,
  SUPERVISOR,
  T0,
  UNIT_A,
  UNIT_B,
  UNIT_C,
  type Snapshot,
} from './testing/suggestion-test-kit';
import type { Actor } from '../common/actor';

const machine = suggestionMachineV1;

/** Every sample is sent at the same instant, so due dates (and with them the state space) stay finite. */
const AT = addDays(T0, 1);
const sample = (payload: SuggestionEventPayload, actor: Actor): SuggestionEvent => event(payload, actor, AT);

const SAMPLES: SuggestionEvent[] = [
  // draft
  sample({ type: 'INVITE_COSIGNER', deputyId: CO1 }, actors.lead),
  sample({ type: 'REMOVE_COSIGNER', deputyId: CO1 }, actors.lead),
  sample({ type: 'CONFIRM_COSIGN' }, actors.co1),
  sample({ type: 'DECLINE_COSIGN' }, actors.co1),
  sample({ type: 'SUBMIT' }, actors.lead),
  sample({ type: 'WITHDRAW', reason: 'The matter was solved before handling.' }, actors.lead),
  // review
  sample({ type: 'ACCEPT' }, actors.office),
  sample({ type: 'MERGE', targetSuggestionId: 'sug-target', reason: 'Same matter as No. 31.' }, actors.office),
  sample({ type: 'CONVERT_TO_LETTER', reason: 'A personal matter.' }, actors.office),
  sample({ type: 'REJECT', reason: 'Pending litigation.' }, actors.office),
  sample(
    { type: 'ABSORB', sourceSuggestionId: 'sug-merged', proposers: [{ deputyId: ABSORBED, role: 'LEAD', status: 'CONFIRMED', viaSuggestionId: null }] },
    actors.system,
  ),
  // assignment and handling
  sample({ type: 'ASSIGN', mode: 'SEPARATE', unitIds: [UNIT_A, UNIT_B] }, actors.office),
  sample({ type: 'ASSIGN', mode: 'LEAD_WITH_CO_UNITS', unitIds: [UNIT_A, UNIT_B], leadUnitId: UNIT_A }, actors.govOffice),
  sample({ type: 'ACKNOWLEDGE' }, actors.unitA),
  sample({ type: 'REQUEST_ADJUSTMENT', reason: 'Not our business; it belongs to the transport bureau.' }, actors.unitA),
  sample({ type: 'DECIDE_ADJUSTMENT', unitId: UNIT_A, approve: true, newUnitId: UNIT_C, reason: 'Transport bureau takes it.' }, actors.office),
  sample({ type: 'DECIDE_ADJUSTMENT', unitId: UNIT_A, approve: false, reason: 'It is your business.' }, actors.office),
  sample(contactPayload(T0), actors.unitA),
  sample(contactPayload(T0), actors.unitB),
  sample({ type: 'SUBMIT_OPINION', text: 'We will fund the repair.' }, actors.unitB),
  sample({ type: 'REQUEST_EXTENSION', reason: 'Needs a budget decision.', requestedDueAt: addDays(AT, 120) }, actors.unitA),
  sample({ type: 'DECIDE_EXTENSION', unitId: UNIT_A, approve: true, reason: 'Granted.' }, actors.office),
  sample({ type: 'DECIDE_EXTENSION', unitId: UNIT_A, approve: false, reason: 'No.' }, actors.office),
  sample(replyPayload('A'), actors.unitA),
  sample(replyPayload('B'), actors.unitA),
  sample(replyPayload('D', false), actors.unitB),
  // feedback, re-handling, follow-up, close
  sample({ type: 'GIVE_FEEDBACK', handlingWork: 'SATISFIED', result: 'SATISFIED' }, actors.lead),
  sample({ type: 'GIVE_FEEDBACK', handlingWork: 'BASICALLY_SATISFIED', result: 'UNSATISFIED' }, actors.lead),
  sample({ type: 'GIVE_FEEDBACK', handlingWork: 'SATISFIED', result: 'SATISFIED' }, actors.absorbed),
  sample({ type: 'REASSIGN_FOR_REHANDLING', mode: 'SEPARATE', unitIds: [UNIT_A] }, actors.office),
  sample({ type: 'FOLLOW_UP_REPLY', classification: 'A', text: 'The road is now repaired.' }, actors.unitA),
  sample({ type: 'FOLLOW_UP_REPLY', classification: 'C', text: 'Postponed to next year.' }, actors.unitA),
  sample({ type: 'FOLLOW_UP_EXPLAIN', text: 'The budget was cut; the plan cannot be kept.' }, actors.unitA),
  sample({ type: 'CLOSE' }, actors.office),
  // key suggestions
  sample({ type: 'MARK_KEY', supervisingLeaderId: SUPERVISOR, leadingLeaderId: GOV_LEADER, topic: 'Rural roads' }, actors.council),
  sample({ type: 'UNMARK_KEY', reason: 'Dropped from the key list.' }, actors.office),
  sample({ type: 'RECORD_HEARING', meetingId: 'council-2026-05', opinion: 'Speed it up.' }, actors.council),
  sample({ type: 'RECORD_VOTE_RESULT', voteSessionId: 'sc-2026-06', passed: true }, actors.system),
  sample({ type: 'RECORD_VOTE_RESULT', voteSessionId: 'sc-2026-06', passed: false }, actors.system),
  // disclosure
  sample({ type: 'DECIDE_DISCLOSURE', mode: 'FULL' }, actors.office),
  sample({ type: 'DECIDE_DISCLOSURE', mode: 'SUMMARY', summary: 'Road repaired in 2026.' }, actors.office),
  sample({ type: 'DECIDE_DISCLOSURE', mode: 'WITHHELD', reason: 'Contains personal data.' }, actors.office),
  // deadlines
  ...['ASSIGNMENT', `ADJUSTMENT_${UNIT_A}`, `REPLY_${UNIT_A}`, `CO_UNIT_OPINION_${UNIT_B}`, 'FEEDBACK', 'DISCLOSURE', 'REPORT_AGAIN'].map((deadlineKey) =>
    sample({ type: 'DEADLINE_PASSED', deadlineKey }, actors.system),
  ),
];

const KEY_EVENTS = new Set(['MARK_KEY', 'UNMARK_KEY', 'RECORD_HEARING', 'RECORD_VOTE_RESULT', 'DEADLINE_PASSED']);

function handlingState(snapshot: Snapshot): string | null {
  const value = snapshot.value as unknown as { active?: { handling: string; key: string; disclosure: string } };
  return value.active?.handling ?? null;
}

/** No unit has done anything yet in the current round. */
function freshRound(ctx: SuggestionContext): boolean {
  return ctx.assignments
    .filter((a) => a.round === ctx.round)
    .every((a) => !a.acknowledged && !a.adjustmentRequested && a.contacts === 0 && !a.opinionGiven && !a.extensionRequested && a.classification === null);
}

/**
 * Which samples to offer in a snapshot. The three regions of `active` are independent, so offering every
 * sample everywhere multiplies their graphs. Instead the key track is explored from a few chosen handling
 * states, and handling pauses while a key item is in progress or after a disclosure decision; every
 * transition stays reachable, the graph stays small.
 */
function offered(snapshot: Snapshot, e: SuggestionEvent): boolean {
  const handling = handlingState(snapshot);
  if (handling === null) return true;
  const ctx = snapshot.context;
  const key = (snapshot.value as unknown as { active: { key: string } }).active.key;
  const disclosure = (snapshot.value as unknown as { active: { disclosure: string } }).active.disclosure;
  if (disclosure === 'published' || disclosure === 'withheld') return e.type === 'DECIDE_DISCLOSURE';
  if (key === 'passed') return e.type === 'CLOSE';
  if (key !== 'none') return KEY_EVENTS.has(e.type);
  if (e.type === 'MARK_KEY') {
    if (ctx.round !== 1) return false;
    if (handling === 'inProgress') return freshRound(ctx);
    if (handling === 'awaitingFeedback') return ctx.feedback.every((f) => f.round !== ctx.round);
    return handling === 'followUp' || handling === 'awaitingClose';
  }
  return true;
}

/** Samples the engine would let through (permissions) and the machine would accept, in this snapshot. */
function eventsFor(snapshot: Snapshot): SuggestionEvent[] {
  return SAMPLES.filter((e) => offered(snapshot, e) && mayActorSend(e.type, e.actor, snapshot.context) && snapshot.can(e));
}

/**
 * Abstract state for the traversal: the state value plus the facts that decide which samples are enabled.
 * Left out, so that reaching them takes the transition but explores no further: counters, dates, open
 * deadlines (the first snapshot reached in a state has them all open). Rounds are
 * capped (failed votes alone could add rounds forever).
 */
function serialize(snapshot: Snapshot): string {
  const ctx: SuggestionContext = snapshot.context;
  const current = ctx.assignments.filter((a) => a.round === ctx.round);
  return JSON.stringify({
    value: snapshot.value,
    // Who exactly is a proposer matters before acceptance; afterwards only how many must give feedback.
    proposers: handlingState(snapshot) === null ? ctx.proposers.map((p) => `${p.deputyId}:${p.status}`) : ctx.proposers.filter((p) => p.status === 'CONFIRMED').length,
    round: Math.min(ctx.round, 3),
    units: current.map((a) =>
      [a.unitId, a.role, a.acknowledged, a.adjustmentRequested, a.contacts > 0, a.opinionGiven, a.extensionRequested, a.replyDueAt === a.replyMaxAt, a.classification].join(':'),
    ),
    classification: ctx.classification,
    feedback: ctx.feedback.filter((f) => f.round === ctx.round).map((f) => `${f.handlingWork}/${f.result}`),
  });
}

const transitionId = (t: { source: AnyStateNode; eventType: string }, index: number) => `${t.source.id} --${t.eventType}[${index}]-->`;

function definedTransitions(): Set<string> {
  const ids = new Set<string>();
  for (const node of [machine.root, ...getStateNodes(machine.root)]) {
    for (const [eventType, list] of node.transitions) {
      list.forEach((t, i) => ids.add(transitionId({ source: node, eventType }, i)));
    }
  }
  return ids;
}

describe('suggestion machine v1 graph', () => {
  const [initial] = initialTransition(machine, input());
  const adjacency = getAdjacencyMap(machine, {
    fromState: initial,
    events: eventsFor,
    serializeState: serialize,
    limit: 200_000,
  });
  const snapshots = Object.values(adjacency).map((v) => v.state as Snapshot);

  it('stays finite and non-trivial', () => {
    // About 2,000 abstract states at the time of writing.
    expect(snapshots.length).toBeGreaterThan(100);
    expect(snapshots.length).toBeLessThan(50_000);
  });

  it('reaches every state node of the machine definition', () => {
    const defined = getStateNodes(machine.root).map((n) => n.id);
    const reached = new Set(snapshots.flatMap((s) => s._nodes.map((n) => n.id)));
    expect(defined.filter((id) => !reached.has(id))).toEqual([]);
    expect(defined.length).toBe(26);
  });

  it('takes every transition of the machine definition', () => {
    const taken = new Set<string>();
    for (const { state, transitions } of Object.values(adjacency)) {
      for (const { event: e } of Object.values(transitions) as Array<{ event: SuggestionEvent }>) {
        for (const t of machine.getTransitionData(state as Snapshot, e as SuggestionEvent)) {
          const index = t.source.transitions.get(t.eventType)!.indexOf(t);
          taken.add(transitionId(t, index));
        }
      }
    }
    const missing = [...definedTransitions()].filter((id) => !taken.has(id));
    expect(missing).toEqual([]);
  });

  it('reaches each final outcome by a shortest path the engine could replay', () => {
    const paths = getShortestPaths(machine, {
      fromState: initial,
      events: eventsFor,
      serializeState: serialize,
      toState: (s) => s.status === 'done' || s.matches({ active: { handling: 'closed' } }),
    });
    const ends = new Set(paths.filter((p) => p.state.status === 'done' || p.state.matches({ active: { handling: 'closed' } })).map((p) => JSON.stringify(p.state.value)));
    for (const end of ['"merged"', '"convertedToLetter"', '"rejected"', '"withdrawn"']) expect(ends.has(end)).toBe(true);
    expect([...ends].some((v) => v.includes('"closed"'))).toBe(true);

    // Replaying a path with the pure transition() lands where the traversal said.
    const closedPath = paths.find((p) => p.state.matches({ active: { handling: 'closed' } }))!;
    let s = initial;
    // Steps start with a synthetic 'xstate.init' step for the initial snapshot.
    for (const step of closedPath.steps.filter((st) => (st.event.type as string) !== 'xstate.init')) s = transition(machine, s, step.event)[0];
    expect(s.value).toEqual(closedPath.state.value);
  });
});
