import { initialTransition, transition } from 'xstate';
import { Role, SYSTEM_ACTOR, type Actor } from '../common/actor';
import { suggestionMachineV1 } from './suggestion-handling.machine.v1';
import { eventTypes, mayActorSend } from './suggestion-permissions';
import { explainRefusal } from './suggestion-rules';
import type { SuggestionEventPayload, SuggestionEventType } from './suggestion.types';
import {
  ABSORBED,
  actors,
  addDays,
  CO1,
  CO2,
  contactPayload,
  Driver,
  event,
  GOV_LEADER,
  input,
  LEAD,
  replyPayload,
  SUPERVISOR,
  T0,
  UNIT_A,
  UNIT_B,
  UNIT_C,
} from './testing/suggestion-test-kit';

const machine = suggestionMachineV1;

const absorbPayload: SuggestionEventPayload = {
  type: 'ABSORB',
  sourceSuggestionId: 'sug-42',
  proposers: [
    { deputyId: ABSORBED, role: 'LEAD', status: 'CONFIRMED', viaSuggestionId: null },
    { deputyId: LEAD, role: 'COSIGNER', status: 'CONFIRMED', viaSuggestionId: null },
  ],
};

const markKey: SuggestionEventPayload = { type: 'MARK_KEY', supervisingLeaderId: SUPERVISOR, leadingLeaderId: GOV_LEADER, topic: 'Rural roads' };
const hearing: SuggestionEventPayload = { type: 'RECORD_HEARING', meetingId: 'council-7', opinion: 'Report again in June.' };
const vote = (passed: boolean): SuggestionEventPayload => ({ type: 'RECORD_VOTE_RESULT', voteSessionId: 'sc-12', passed });
const feedback = (handlingWork: 'SATISFIED' | 'BASICALLY_SATISFIED' | 'UNSATISFIED', result = handlingWork): SuggestionEventPayload => ({
  type: 'GIVE_FEEDBACK',
  handlingWork,
  result,
});
const leadWithCo: SuggestionEventPayload = { type: 'ASSIGN', mode: 'LEAD_WITH_CO_UNITS', unitIds: [UNIT_A, UNIT_B], leadUnitId: UNIT_A };

const handling = (d: Driver) => (d.snapshot.value as { active?: { handling: string } }).active?.handling;
const keyState = (d: Driver) => (d.snapshot.value as { active: { key: string } }).active.key;
const disclosureState = (d: Driver) => (d.snapshot.value as { active: { disclosure: string } }).active.disclosure;

describe('draft and co-signers', () => {
  it('starts as a draft whose lead deputy is the only, confirmed, proposer', () => {
    const [s] = initialTransition(machine, input());
    expect(s.value).toBe('draft');
    expect(s.context.proposers).toEqual([{ deputyId: LEAD, role: 'LEAD', status: 'CONFIRMED', viaSuggestionId: null }]);
    expect(s.context.deadlines).toEqual({});
  });

  it.each<[string, (d: Driver) => Driver, SuggestionEventPayload, Actor, string | null]>([
    ['the lead cannot invite themself', (d) => d, { type: 'INVITE_COSIGNER', deputyId: LEAD }, actors.lead, 'the lead deputy cannot co-sign their own suggestion'],
    ['a deputy is invited once', (d) => d.send({ type: 'INVITE_COSIGNER', deputyId: CO1 }, actors.lead), { type: 'INVITE_COSIGNER', deputyId: CO1 }, actors.lead, `deputy ${CO1} is already invited`],
    ['only an invited deputy confirms', (d) => d, { type: 'CONFIRM_COSIGN' }, actors.co2, `deputy ${CO2} is not invited to co-sign`],
    ['a co-signer answers once', (d) => d.send({ type: 'INVITE_COSIGNER', deputyId: CO1 }, actors.lead).send({ type: 'DECLINE_COSIGN' }, actors.co1), { type: 'CONFIRM_COSIGN' }, actors.co1, `deputy ${CO1} has already declined`],
    ['co-signers must confirm before submit', (d) => d.send({ type: 'INVITE_COSIGNER', deputyId: CO1 }, actors.lead), { type: 'SUBMIT' }, actors.lead, `co-signers must confirm or decline before submission; still waiting for ${CO1}`],
    ['a confirmed co-signer lets it be submitted', (d) => d.send({ type: 'INVITE_COSIGNER', deputyId: CO1 }, actors.lead).send({ type: 'CONFIRM_COSIGN' }, actors.co1), { type: 'SUBMIT' }, actors.lead, null],
    ['a declined co-signer lets it be submitted', (d) => d.send({ type: 'INVITE_COSIGNER', deputyId: CO1 }, actors.lead).send({ type: 'DECLINE_COSIGN' }, actors.co1), { type: 'SUBMIT' }, actors.lead, null],
    ['a removed invitation no longer blocks submit', (d) => d.send({ type: 'INVITE_COSIGNER', deputyId: CO1 }, actors.lead).send({ type: 'REMOVE_COSIGNER', deputyId: CO1 }, actors.lead), { type: 'SUBMIT' }, actors.lead, null],
    ['no co-signers at all is fine', (d) => d, { type: 'SUBMIT' }, actors.lead, null],
  ])('%s', (_name, arrange, payload, actor, reason) => {
    const d = arrange(new Driver());
    expect(d.refusal(payload, actor)).toBe(reason);
    expect(d.can(payload, actor)).toBe(reason === null);
  });

  it('keeps declined co-signers on record and tells the lead deputy', () => {
    const d = new Driver().send({ type: 'INVITE_COSIGNER', deputyId: CO1 }, actors.lead).send({ type: 'DECLINE_COSIGN' }, actors.co1);
    expect(d.effects('notify')).toEqual([{ type: 'notify', params: { template: 'COSIGN_DECLINED', to: [{ kind: 'DEPUTY', deputyId: LEAD }] } }]);
    d.submitted();
    expect(d.snapshot.value).toBe('review');
    expect(d.context.proposers.map((p) => [p.deputyId, p.status])).toEqual([
      [LEAD, 'CONFIRMED'],
      [CO1, 'DECLINED'],
    ]);
  });
});

describe('review', () => {
  it.each<[SuggestionEventPayload, string, string]>([
    [{ type: 'MERGE', targetSuggestionId: 'sug-31', reason: 'Same matter as No. 31' }, 'merged', 'SUGGESTION_MERGED'],
    [{ type: 'CONVERT_TO_LETTER', reason: 'A personal matter' }, 'convertedToLetter', 'SUGGESTION_CONVERTED_TO_LETTER'],
    [{ type: 'REJECT', reason: 'Pending litigation' }, 'rejected', 'SUGGESTION_REJECTED'],
  ])('%o ends the suggestion in %s and tells the proposers', (payload, state, template) => {
    const d = new Driver().submitted().send(payload, actors.office);
    expect(d.snapshot.value).toBe(state);
    expect(d.snapshot.status).toBe('done');
    expect(d.context.endReason).toBe((payload as { reason: string }).reason);
    expect(d.effects('notify')).toEqual([{ type: 'notify', params: { template, to: [{ kind: 'DEPUTY', deputyId: LEAD }] } }]);
  });

  it.each<SuggestionEventPayload>([
    { type: 'MERGE', targetSuggestionId: 'sug-31', reason: ' ' },
    { type: 'CONVERT_TO_LETTER', reason: '' },
    { type: 'REJECT', reason: '' },
  ])('%o needs a reason', (payload) => {
    const d = new Driver().submitted();
    expect(d.can(payload, actors.office)).toBe(false);
    expect(d.refusal(payload, actors.office)).toMatch(/reason/);
  });

  it('merging hands the confirmed proposers to the target suggestion', () => {
    const d = new Driver()
      .send({ type: 'INVITE_COSIGNER', deputyId: CO1 }, actors.lead)
      .send({ type: 'INVITE_COSIGNER', deputyId: CO2 }, actors.lead)
      .send({ type: 'CONFIRM_COSIGN' }, actors.co1)
      .send({ type: 'DECLINE_COSIGN' }, actors.co2)
      .submitted()
      .send({ type: 'MERGE', targetSuggestionId: 'sug-31', reason: 'Same matter' }, actors.office);
    expect(d.effects('absorbInto')).toEqual([
      {
        type: 'absorbInto',
        params: {
          targetSuggestionId: 'sug-31',
          proposers: [
            { deputyId: LEAD, role: 'LEAD', status: 'CONFIRMED', viaSuggestionId: null },
            { deputyId: CO1, role: 'COSIGNER', status: 'CONFIRMED', viaSuggestionId: null },
          ],
        },
      },
    ]);
  });

  it.each([
    [false, { ASSIGNMENT: { kind: 'ASSIGNMENT', unitId: null } }],
    [true, {}],
  ])('accepting (during session: %s) numbers it and opens an assignment deadline only between sessions', (duringSession, deadlines) => {
    const d = new Driver(input({ duringSession })).accepted();
    expect(d.snapshot.value).toEqual({ active: { handling: 'awaitingAssignment', key: 'none', disclosure: 'notDue' } });
    expect(d.effects('allocateNumber')).toEqual([{ type: 'allocateNumber', params: {} }]);
    const shape = Object.fromEntries(Object.entries(d.context.deadlines).map(([k, v]) => [k, { kind: v.kind, unitId: v.unitId }]));
    expect(shape).toEqual(deadlines);
  });
});

describe('effects from the pure transition()', () => {
  it('come back as named actions with their params resolved', () => {
    const [s0] = initialTransition(machine, input());
    const [s1] = transition(machine, s0, event({ type: 'SUBMIT' }, actors.lead));
    const [s2, actions] = transition(machine, s1, event({ type: 'ACCEPT' }, actors.office));
    expect(s2.matches({ active: { handling: 'awaitingAssignment' } })).toBe(true);
    expect(actions.map((a) => a.type)).toEqual(['allocateNumber', 'notify']);
    const notify = actions.find((a) => a.type === 'notify')!;
    expect(typeof notify.params).toBe('object');
    expect(notify.params).toEqual({ template: 'SUGGESTION_ACCEPTED', to: [{ kind: 'DEPUTY', deputyId: LEAD }] });
    // Effects have empty implementations: executing them does nothing, the engine performs them.
    expect(() => actions.forEach((a) => a.exec?.(a.info, a.params))).not.toThrow();
  });

  it('are absent when an event is refused, and the snapshot is unchanged', () => {
    const d = new Driver().submitted();
    const [s, actions] = transition(machine, d.snapshot, event({ type: 'REJECT', reason: '' }, actors.office));
    expect(s.value).toBe('review');
    expect(actions).toEqual([]);
  });
});

describe('assignment', () => {
  it.each<[string, SuggestionEventPayload, string | null]>([
    ['lead with co-units', leadWithCo, null],
    ['separate units', { type: 'ASSIGN', mode: 'SEPARATE', unitIds: [UNIT_A, UNIT_B], leadUnitId: 'ignored' }, null],
    ['no units', { type: 'ASSIGN', mode: 'SEPARATE', unitIds: [] }, 'at least one unit must be assigned'],
    ['a unit twice', { type: 'ASSIGN', mode: 'SEPARATE', unitIds: [UNIT_A, UNIT_A] }, 'each unit may be assigned only once'],
    ['no lead unit', { type: 'ASSIGN', mode: 'LEAD_WITH_CO_UNITS', unitIds: [UNIT_A, UNIT_B] }, 'a lead unit is required when assigning a lead unit with co-units'],
    ['a lead unit outside the list', { type: 'ASSIGN', mode: 'LEAD_WITH_CO_UNITS', unitIds: [UNIT_A], leadUnitId: UNIT_C }, `lead unit ${UNIT_C} is not among the assigned units`],
  ])('%s', (_name, payload, reason) => {
    const d = new Driver().accepted();
    expect(d.refusal(payload, actors.office)).toBe(reason);
    expect(d.can(payload, actors.office)).toBe(reason === null);
  });

  it('opens the unit deadlines, records each assignment and closes the assignment deadline', () => {
    const d = new Driver().accepted().send(leadWithCo, actors.govOffice);
    const due = event(leadWithCo, actors.office, d.at).due;
    expect(handling(d)).toBe('inProgress');
    expect(d.context.round).toBe(1);
    expect(d.context.deadlines).toEqual({
      [`ADJUSTMENT_${UNIT_A}`]: { kind: 'ADJUSTMENT', dueAt: due.ADJUSTMENT, unitId: UNIT_A },
      [`REPLY_${UNIT_A}`]: { kind: 'REPLY', dueAt: due.REPLY, unitId: UNIT_A },
      [`ADJUSTMENT_${UNIT_B}`]: { kind: 'ADJUSTMENT', dueAt: due.ADJUSTMENT, unitId: UNIT_B },
      [`CO_UNIT_OPINION_${UNIT_B}`]: { kind: 'CO_UNIT_OPINION', dueAt: due.CO_UNIT_OPINION, unitId: UNIT_B },
    });
    expect(d.context.assignments.map((a) => [a.unitId, a.role, a.replyDueAt, a.replyMaxAt])).toEqual([
      [UNIT_A, 'LEAD', due.REPLY, due.REPLY_MAX],
      [UNIT_B, 'CO', null, null],
    ]);
    expect(d.effects()).toEqual([
      { type: 'recordAssignment', params: { unitId: UNIT_A, role: 'LEAD', round: 1 } },
      { type: 'recordAssignment', params: { unitId: UNIT_B, role: 'CO', round: 1 } },
      { type: 'notify', params: { template: 'ASSIGNED', to: [{ kind: 'UNIT', unitId: UNIT_A }, { kind: 'UNIT', unitId: UNIT_B }] } },
    ]);
  });

  it('tells the office when a between-session suggestion is not assigned in time', () => {
    const d = new Driver().accepted().send({ type: 'DEADLINE_PASSED', deadlineKey: 'ASSIGNMENT' }, actors.system);
    expect(d.context.deadlines).toEqual({});
    expect(d.effects()).toEqual([{ type: 'notify', params: { template: 'ASSIGNMENT_OVERDUE', to: [{ kind: 'OFFICE' }] } }]);
  });
});

describe('adjustment window', () => {
  const ask: SuggestionEventPayload = { type: 'REQUEST_ADJUSTMENT', reason: 'This is the transport bureau’s business.' };
  const assigned = () => new Driver().accepted().send(leadWithCo, actors.office);

  it.each<[string, (d: Driver) => Driver, string | null]>([
    ['within the window', (d) => d.advanceDays(3), null],
    ['at event.at after its due date, before the deadline worker ran', (d) => d.advanceDays(8), /closed at/.source],
    ['after DEADLINE_PASSED closed the window', (d) => d.send({ type: 'DEADLINE_PASSED', deadlineKey: `ADJUSTMENT_${UNIT_A}` }, actors.system), /window of unit unit-a is closed/.source],
    ['after acknowledging', (d) => d.send({ type: 'ACKNOWLEDGE' }, actors.unitA), /acknowledged the assignment/.source],
    ['a second time', (d) => d.send(ask, actors.unitA), /already asked/.source],
  ])('a unit asking for adjustment %s', (_name, arrange, reason) => {
    const d = arrange(assigned());
    const refusal = d.refusal(ask, actors.unitA);
    if (reason === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(new RegExp(reason));
    expect(d.can(ask, actors.unitA)).toBe(reason === null);
  });

  it('a request leaves the unit handling, with its reply deadline running, and tells the office', () => {
    const d = assigned().send(ask, actors.unitA);
    expect(d.context.assignments[0]).toMatchObject({ unitId: UNIT_A, adjustmentRequested: true });
    expect(d.context.deadlines[`REPLY_${UNIT_A}`]).toBeDefined();
    expect(d.context.deadlines[`ADJUSTMENT_${UNIT_A}`]).toBeUndefined();
    expect(d.effects('notify')).toEqual([{ type: 'notify', params: { template: 'ADJUSTMENT_REQUESTED', to: [{ kind: 'OFFICE' }] } }]);
    expect(d.can(contactPayload(d.at), actors.unitA)).toBe(true);
  });

  it('an approved adjustment hands the role to the new unit with fresh deadlines', () => {
    const d = assigned().send(ask, actors.unitA).advanceDays(2);
    d.send({ type: 'DECIDE_ADJUSTMENT', unitId: UNIT_A, approve: true, newUnitId: UNIT_C, reason: 'Transport bureau' }, actors.govOffice);
    const due = event({ type: 'ACCEPT' }, actors.office, d.at).due;
    expect(d.context.assignments.map((a) => [a.unitId, a.role])).toEqual([
      [UNIT_C, 'LEAD'],
      [UNIT_B, 'CO'],
    ]);
    expect(Object.keys(d.context.deadlines).sort()).toEqual([`ADJUSTMENT_${UNIT_B}`, `ADJUSTMENT_${UNIT_C}`, `CO_UNIT_OPINION_${UNIT_B}`, `REPLY_${UNIT_C}`]);
    expect(d.context.deadlines[`REPLY_${UNIT_C}`].dueAt).toBe(due.REPLY);
    expect(d.effects().map((e) => e.type)).toEqual(['endAssignment', 'notify', 'recordAssignment', 'notify']);
    expect(d.effects('endAssignment')[0].params).toEqual({ unitId: UNIT_A, round: 1, reason: 'Transport bureau' });
    expect(d.effects('recordAssignment')[0].params).toEqual({ unitId: UNIT_C, role: 'LEAD', round: 1 });
    expect(mayActorSend('REPLY', actors.unitA, d.context)).toBe(false);
  });

  it.each<[SuggestionEventPayload, string]>([
    [{ type: 'DECIDE_ADJUSTMENT', unitId: UNIT_B, approve: true, newUnitId: UNIT_C, reason: 'x' }, 'unit unit-b has no pending adjustment request'],
    [{ type: 'DECIDE_ADJUSTMENT', unitId: UNIT_A, approve: true, newUnitId: UNIT_B, reason: 'x' }, 'unit unit-b is already assigned in this round'],
    [{ type: 'DECIDE_ADJUSTMENT', unitId: UNIT_A, approve: true, reason: 'x' }, 'approving an adjustment requires the unit that takes over'],
  ])('an adjustment decision %o is refused: %s', (payload, reason) => {
    const d = assigned().send(ask, actors.unitA);
    expect(d.refusal(payload, actors.office)).toBe(reason);
  });

  it('a refused adjustment clears the request; the window stays closed', () => {
    const d = assigned().send(ask, actors.unitA).send({ type: 'DECIDE_ADJUSTMENT', unitId: UNIT_A, approve: false, reason: 'It is yours' }, actors.office);
    expect(d.context.assignments[0].adjustmentRequested).toBe(false);
    expect(d.refusal(ask, actors.unitA)).toMatch(/window .* is closed/);
    expect(d.can({ type: 'ACKNOWLEDGE' }, actors.unitA)).toBe(true);
  });
});

describe('replies', () => {
  const ready = () => new Driver().accepted().send(leadWithCo, actors.office).send(contactPayload(T0), actors.unitA);

  it.each<[string, (d: Driver) => Driver, SuggestionEventPayload, Actor, string | null]>([
    ['an unknown classification', (d) => d.send({ type: 'SUBMIT_OPINION', text: 'ok' }, actors.unitB), replyPayload('E'), actors.headA, 'classification E is not one of A, B, C, D'],
    ['an empty classification', (d) => d.send({ type: 'SUBMIT_OPINION', text: 'ok' }, actors.unitB), replyPayload(''), actors.headA, 'classification (none) is not one of A, B, C, D'],
    ['before the co-unit opinion', (d) => d, replyPayload('A'), actors.headA, `the lead unit replies after every co-unit's opinion; still waiting for ${UNIT_B}`],
    ['from a co-unit', (d) => d, replyPayload('A'), actors.unitB, 'unit unit-b is a co-unit; it sends its opinion to the lead unit instead of replying'],
    ['without a signer', (d) => d.send({ type: 'SUBMIT_OPINION', text: 'ok' }, actors.unitB), { ...replyPayload('A'), signedBy: '' } as SuggestionEventPayload, actors.headA, 'the signer of the reply is required'],
    ['from an unassigned unit', (d) => d, replyPayload('A'), actors.unitC, 'unit unit-c has no assignment in handling round 1'],
    ['a valid reply', (d) => d.send({ type: 'SUBMIT_OPINION', text: 'ok' }, actors.unitB), replyPayload('A'), actors.headA, null],
  ])('%s', (_name, arrange, payload, actor, reason) => {
    const d = arrange(ready());
    expect(d.refusal(payload, actor)).toBe(reason);
    expect(d.can(payload, actor)).toBe(reason === null);
  });

  it('needs a recorded contact with the deputy when the profile says so', () => {
    const d = new Driver().accepted().send({ type: 'ASSIGN', mode: 'SEPARATE', unitIds: [UNIT_A] }, actors.office);
    expect(d.refusal(replyPayload('A'), actors.unitA)).toBe('unit unit-a must record a contact with the deputy before replying');
    const lax = new Driver(input({}, { requireContactBeforeReply: false })).accepted().send({ type: 'ASSIGN', mode: 'SEPARATE', unitIds: [UNIT_A] }, actors.office);
    expect(lax.can(replyPayload('A'), actors.unitA)).toBe(true);
  });

  it('the lead unit’s reply completes the round, reaches every proposer and starts the feedback and disclosure clocks', () => {
    const d = ready().send({ type: 'SUBMIT_OPINION', text: 'We agree.' }, actors.unitB);
    expect(d.effects('notify')[0].params).toEqual({ template: 'CO_UNIT_OPINION_RECEIVED', to: [{ kind: 'UNIT', unitId: UNIT_A }] });
    d.send(replyPayload('B'), actors.headA);
    const due = event({ type: 'ACCEPT' }, actors.office, d.at).due;
    expect(handling(d)).toBe('awaitingFeedback');
    expect(disclosureState(d)).toBe('pending');
    expect(d.context.classification).toBe('B');
    expect(d.context.deadlines).toEqual({
      FEEDBACK: { kind: 'FEEDBACK', dueAt: due.FEEDBACK, unitId: null },
      DISCLOSURE: { kind: 'DISCLOSURE', dueAt: due.DISCLOSURE, unitId: null },
    });
    expect(d.effects()).toEqual([
      { type: 'recordReply', params: { unitId: UNIT_A, round: 1, classification: 'B', followUp: false } },
      { type: 'notify', params: { template: 'REPLIED', to: [{ kind: 'DEPUTY', deputyId: LEAD }] } },
    ]);
  });

  it('in separate handling the round completes with the last reply and takes the worst classification', () => {
    const d = new Driver()
      .accepted()
      .send({ type: 'ASSIGN', mode: 'SEPARATE', unitIds: [UNIT_A, UNIT_B] }, actors.office)
      .send(contactPayload(T0), actors.unitA)
      .send(contactPayload(T0), actors.unitB)
      .send(replyPayload('C'), actors.unitB);
    expect(handling(d)).toBe('inProgress');
    expect(disclosureState(d)).toBe('notDue');
    expect(d.refusal(replyPayload('A'), actors.unitB)).toBe('unit unit-b has already replied in round 1');
    d.send(replyPayload('A'), actors.unitA);
    expect(handling(d)).toBe('awaitingFeedback');
    expect(d.context.classification).toBe('C');
  });

  it('a passed reply deadline marks the unit overdue and escalates to the office and the supervising leader', () => {
    const d = ready().send(markKey, actors.council).send({ type: 'DEADLINE_PASSED', deadlineKey: `REPLY_${UNIT_A}` }, actors.system);
    expect(d.context.assignments[0].overdue).toBe(true);
    expect(d.context.deadlines[`REPLY_${UNIT_A}`]).toBeUndefined();
    expect(d.effects()).toEqual([{ type: 'notify', params: { template: 'OVERDUE', to: [{ kind: 'OFFICE' }, { kind: 'LEADER', userId: SUPERVISOR }] } }]);
    // An overdue unit may still reply.
    d.send({ type: 'SUBMIT_OPINION', text: 'ok' }, actors.unitB).send(replyPayload('A'), actors.headA);
    expect(handling(d)).toBe('awaitingFeedback');
  });

  it('a passed co-unit opinion deadline tells the lead unit and the office', () => {
    const d = ready().send({ type: 'DEADLINE_PASSED', deadlineKey: `CO_UNIT_OPINION_${UNIT_B}` }, actors.system);
    expect(d.effects('notify')[0].params).toEqual({ template: 'OPINION_OVERDUE', to: [{ kind: 'UNIT', unitId: UNIT_A }, { kind: 'OFFICE' }] });
    expect(d.refusal({ type: 'DEADLINE_PASSED', deadlineKey: `CO_UNIT_OPINION_${UNIT_B}` }, actors.system)).toBe(`no deadline CO_UNIT_OPINION_${UNIT_B} is open`);
  });
});

describe('extensions', () => {
  const assigned = () => new Driver().accepted().send({ type: 'ASSIGN', mode: 'SEPARATE', unitIds: [UNIT_A] }, actors.office);
  const request = (d: Driver, days: number): SuggestionEventPayload => ({ type: 'REQUEST_EXTENSION', reason: 'Budget', requestedDueAt: addDays(d.context.assignments[0].replyDueAt!, days) });

  it.each<[number, string | null]>([
    [30, null],
    [0, /must be after the current one/.source],
    [91, /beyond the maximum/.source],
  ])('a request %i days past the current due date', (days, reason) => {
    const d = assigned();
    const refusal = d.refusal(request(d, days), actors.unitA);
    if (reason === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(new RegExp(reason));
  });

  it('an approved extension moves the reply deadline (to the maximum by default) and clears overdue', () => {
    const d = assigned().send(request(assigned(), 30), actors.unitA);
    expect(d.refusal(request(d, 40), actors.unitA)).toBe('unit unit-a already has an extension request pending');
    d.send({ type: 'DEADLINE_PASSED', deadlineKey: `REPLY_${UNIT_A}` }, actors.system);
    expect(d.context.assignments[0].overdue).toBe(true);
    d.send({ type: 'DECIDE_EXTENSION', unitId: UNIT_A, approve: true }, actors.office);
    const a = d.context.assignments[0];
    expect(a).toMatchObject({ overdue: false, extensionRequested: false, replyDueAt: a.replyMaxAt });
    expect(d.context.deadlines[`REPLY_${UNIT_A}`]).toEqual({ kind: 'REPLY', dueAt: a.replyMaxAt, unitId: UNIT_A });
  });

  it('an approved due date beyond the maximum is refused', () => {
    const d = assigned();
    d.send(request(d, 30), actors.unitA);
    const dueAt = addDays(d.context.assignments[0].replyMaxAt!, 1);
    expect(d.refusal({ type: 'DECIDE_EXTENSION', unitId: UNIT_A, approve: true, dueAt }, actors.office)).toMatch(/beyond the maximum/);
  });
});

describe('a merged suggestion', () => {
  it('replies to every proposer of both, and each of them gives feedback', () => {
    const d = new Driver().submitted().send(absorbPayload, actors.system);
    expect(d.context.mergedFrom).toEqual(['sug-42']);
    // Our lead deputy, already a proposer, is not added twice.
    expect(d.context.proposers).toEqual([
      { deputyId: LEAD, role: 'LEAD', status: 'CONFIRMED', viaSuggestionId: null },
      { deputyId: ABSORBED, role: 'LEAD', status: 'CONFIRMED', viaSuggestionId: 'sug-42' },
    ]);
    expect(d.refusal(absorbPayload, actors.system)).toBe('suggestion sug-42 is already merged into this one');

    d.send({ type: 'ACCEPT' }, actors.office)
      .send({ type: 'ASSIGN', mode: 'SEPARATE', unitIds: [UNIT_A] }, actors.office)
      .send(contactPayload(T0), actors.unitA)
      .send(replyPayload('A'), actors.headA);
    expect(d.effects('notify')).toEqual([
      { type: 'notify', params: { template: 'REPLIED', to: [{ kind: 'DEPUTY', deputyId: LEAD }, { kind: 'DEPUTY', deputyId: ABSORBED }] } },
    ]);
    // The absorbed lead deputy is not the lead of this suggestion, but is a proposer.
    expect(mayActorSend('WITHDRAW', actors.absorbed, d.context)).toBe(false);
    expect(mayActorSend('GIVE_FEEDBACK', actors.absorbed, d.context)).toBe(true);

    d.send(feedback('SATISFIED'), actors.absorbed);
    expect(handling(d)).toBe('awaitingFeedback');
    d.send(feedback('BASICALLY_SATISFIED'), actors.lead);
    expect(handling(d)).toBe('awaitingClose');
    expect(d.context.feedback.map((f) => f.deputyId)).toEqual([ABSORBED, LEAD]);
  });

  it('can still absorb during handling', () => {
    const d = new Driver().repliedByA('A').send(absorbPayload, actors.system);
    expect(d.context.proposers.map((p) => p.deputyId)).toEqual([LEAD, ABSORBED]);
  });
});

describe('feedback', () => {
  it.each<[string, string, 'SATISFIED' | 'BASICALLY_SATISFIED' | 'UNSATISFIED', 'SATISFIED' | 'BASICALLY_SATISFIED' | 'UNSATISFIED', 'RESULT' | 'HANDLING' | 'EITHER', string]>([
    ['A, satisfied → awaitingClose', 'A', 'SATISFIED', 'SATISFIED', 'EITHER', 'awaitingClose'],
    ['B, satisfied → followUp', 'B', 'SATISFIED', 'SATISFIED', 'EITHER', 'followUp'],
    ['C, basically satisfied → followUp', 'C', 'BASICALLY_SATISFIED', 'BASICALLY_SATISFIED', 'EITHER', 'followUp'],
    ['D, satisfied → awaitingClose', 'D', 'SATISFIED', 'SATISFIED', 'EITHER', 'awaitingClose'],
    ['A, result unsatisfied → awaitingRehandling', 'A', 'SATISFIED', 'UNSATISFIED', 'EITHER', 'awaitingRehandling'],
    ['A, handling unsatisfied → awaitingRehandling', 'A', 'UNSATISFIED', 'SATISFIED', 'EITHER', 'awaitingRehandling'],
    ['A, handling unsatisfied, trigger RESULT → awaitingClose', 'A', 'UNSATISFIED', 'SATISFIED', 'RESULT', 'awaitingClose'],
    ['B, result unsatisfied, trigger HANDLING → followUp', 'B', 'SATISFIED', 'UNSATISFIED', 'HANDLING', 'followUp'],
  ])('%s', (_name, classification, handlingWork, result, rehandlingTrigger, expected) => {
    const d = new Driver(input({}, { rehandlingTrigger })).repliedByA(classification).send(feedback(handlingWork, result), actors.lead);
    expect(handling(d)).toBe(expected);
    expect(d.context.deadlines.FEEDBACK).toBeUndefined();
    expect(d.effects('recordFeedback')).toEqual([{ type: 'recordFeedback', params: { deputyId: LEAD, round: 1, handlingWork, result } }]);
  });

  it('a proposer gives feedback once per round', () => {
    const d = new Driver()
      .send({ type: 'INVITE_COSIGNER', deputyId: CO1 }, actors.lead)
      .send({ type: 'CONFIRM_COSIGN' }, actors.co1)
      .repliedByA('A')
      .send(feedback('SATISFIED'), actors.lead);
    expect(d.refusal(feedback('UNSATISFIED'), actors.lead)).toBe(`deputy ${LEAD} has already given feedback in round 1`);
    expect(d.refusal(feedback('SATISFIED'), actors.co2)).toBe(`deputy ${CO2} is not a proposer of this suggestion`);
  });

  it('missing feedback is recorded as none given (nulls), never as satisfied', () => {
    const d = new Driver()
      .send({ type: 'INVITE_COSIGNER', deputyId: CO1 }, actors.lead)
      .send({ type: 'CONFIRM_COSIGN' }, actors.co1)
      .repliedByA('A')
      .send(feedback('SATISFIED'), actors.lead)
      .send({ type: 'DEADLINE_PASSED', deadlineKey: 'FEEDBACK' }, actors.system);
    expect(d.context.feedback).toEqual([
      { deputyId: LEAD, round: 1, handlingWork: 'SATISFIED', result: 'SATISFIED' },
      { deputyId: CO1, round: 1, handlingWork: null, result: null },
    ]);
    expect(d.effects('recordFeedback')).toEqual([{ type: 'recordFeedback', params: { deputyId: CO1, round: 1, handlingWork: null, result: null } }]);
    expect(handling(d)).toBe('awaitingClose');
  });

  it('nobody answering does not trigger re-handling either', () => {
    const d = new Driver().repliedByA('A').send({ type: 'DEADLINE_PASSED', deadlineKey: 'FEEDBACK' }, actors.system);
    expect(d.context.feedback).toEqual([{ deputyId: LEAD, round: 1, handlingWork: null, result: null }]);
    expect(handling(d)).toBe('awaitingClose');
  });
});

describe('re-handling', () => {
  const rehandle: SuggestionEventPayload = { type: 'REASSIGN_FOR_REHANDLING', mode: 'SEPARATE', unitIds: [UNIT_A] };
  const unsatisfied = () => new Driver().repliedByA('B').send(feedback('UNSATISFIED'), actors.lead);

  it('reassigns for a new round with its own reply deadline and no adjustment window', () => {
    const d = unsatisfied();
    expect(handling(d)).toBe('awaitingRehandling');
    expect(d.effects('notify')).toEqual([{ type: 'notify', params: { template: 'REHANDLING_NEEDED', to: [{ kind: 'OFFICE' }] } }]);
    d.send(rehandle, actors.office);
    const due = event(rehandle, actors.office, d.at).due;
    expect(handling(d)).toBe('inProgress');
    expect(d.context.round).toBe(2);
    expect(d.context.classification).toBeNull();
    expect(d.context.assignments.map((a) => [a.unitId, a.round, a.classification])).toEqual([
      [UNIT_A, 1, 'B'],
      [UNIT_A, 2, null],
    ]);
    expect(d.context.deadlines[`REPLY_${UNIT_A}`]).toEqual({ kind: 'REPLY', dueAt: due.REHANDLING_REPLY, unitId: UNIT_A });
    expect(d.context.deadlines[`ADJUSTMENT_${UNIT_A}`]).toBeUndefined();
    expect(d.refusal({ type: 'REQUEST_ADJUSTMENT', reason: 'not ours' }, actors.unitA)).toMatch(/window .* is closed/);
    // Guards look at the current round: the unit must contact the deputy again before replying.
    expect(d.refusal(replyPayload('A'), actors.unitA)).toBe('unit unit-a must record a contact with the deputy before replying');
  });

  it('happens only while rounds remain', () => {
    const d = unsatisfied()
      .send(rehandle, actors.office)
      .send(contactPayload(T0), actors.unitA)
      .send(replyPayload('A'), actors.unitA)
      .send(feedback('UNSATISFIED'), actors.lead);
    expect(d.context.round).toBe(2);
    expect(handling(d)).toBe('awaitingClose');
    expect(d.context.feedback.map((f) => [f.round, f.result])).toEqual([
      [1, 'UNSATISFIED'],
      [2, 'UNSATISFIED'],
    ]);
  });

  it('the classification may change between rounds', () => {
    const d = unsatisfied().send(rehandle, actors.office).send(contactPayload(T0), actors.unitA).send(replyPayload('C'), actors.unitA);
    expect(d.context.classification).toBe('C');
  });
});

describe('follow-up', () => {
  const inFollowUp = () => new Driver().repliedByA('B').send(feedback('SATISFIED'), actors.lead);

  it.each<[string, SuggestionEventPayload, string, string]>([
    ['solved (B → A)', { type: 'FOLLOW_UP_REPLY', classification: 'A', text: 'Done.' }, 'awaitingClose', 'A'],
    ['still planned (B → C)', { type: 'FOLLOW_UP_REPLY', classification: 'C', text: 'Next year.' }, 'followUp', 'C'],
    ['explained', { type: 'FOLLOW_UP_EXPLAIN', text: 'The plan was cancelled.' }, 'awaitingClose', 'B'],
  ])('%s', (_name, payload, expected, classification) => {
    const d = inFollowUp().send(payload, actors.unitA);
    expect(handling(d)).toBe(expected);
    expect(d.context.classification).toBe(classification);
    expect(d.effects('recordReply')).toEqual([{ type: 'recordReply', params: { unitId: UNIT_A, round: 1, classification, followUp: true } }]);
  });

  it('refuses an invalid classification', () => {
    expect(inFollowUp().refusal({ type: 'FOLLOW_UP_REPLY', classification: 'Z', text: 'x' }, actors.unitA)).toBe('classification Z is not one of A, B, C, D');
  });
});

describe('key suggestions', () => {
  it('a failed vote sends the item back to re-handling by the same units with a REPORT_AGAIN deadline', () => {
    const d = new Driver().repliedByA('A').send(markKey, actors.council);
    expect(d.effects('notify')[0].params).toEqual({
      template: 'KEY_SUGGESTION_ASSIGNED',
      to: [{ kind: 'LEADER', userId: SUPERVISOR }, { kind: 'LEADER', userId: GOV_LEADER }],
    });
    d.send(feedback('SATISFIED'), actors.lead).send(hearing, actors.council);
    expect(handling(d)).toBe('awaitingClose');
    expect(keyState(d)).toBe('heard');

    d.send(vote(false), actors.system);
    const due = event(vote(false), actors.system, d.at).due;
    expect(keyState(d)).toBe('failed');
    expect(handling(d)).toBe('inProgress');
    expect(d.context.round).toBe(2);
    expect(d.context.key).toMatchObject({ hearings: 1, votes: 1, lastVotePassed: false });
    expect(d.context.deadlines).toEqual({
      [`REPLY_${UNIT_A}`]: { kind: 'REPLY', dueAt: due.REHANDLING_REPLY, unitId: UNIT_A },
      REPORT_AGAIN: { kind: 'REPORT_AGAIN', dueAt: due.REPORT_AGAIN, unitId: null },
      DISCLOSURE: expect.anything(),
    });
    expect(d.effects().map((e) => [e.type, (e.params as { template?: string }).template])).toEqual([
      ['recordAssignment', undefined],
      ['notify', 'REHANDLING_AFTER_FAILED_VOTE'],
      ['notify', 'KEY_VOTE_FAILED'],
    ]);

    // Reporting again at a hearing closes REPORT_AGAIN; a later vote may pass.
    d.send(hearing, actors.council);
    expect(d.context.deadlines.REPORT_AGAIN).toBeUndefined();
    d.send(contactPayload(T0), actors.unitA).send(replyPayload('A'), actors.unitA).send(feedback('SATISFIED'), actors.lead);
    expect(d.refusal({ type: 'CLOSE' }, actors.office)).toBe('a key suggestion whose satisfaction vote failed cannot be closed until a later vote passes');
    d.send(vote(true), actors.system);
    expect(keyState(d)).toBe('passed');
    d.send({ type: 'CLOSE' }, actors.office);
    expect(handling(d)).toBe('closed');
  });

  it.each<[string, (d: Driver) => Driver, boolean]>([
    ['not key (allowed)', (d) => d, true],
    ['selected (refused)', (d) => d.send(markKey, actors.council), false],
    ['heard (refused)', (d) => d.send(markKey, actors.council).send(hearing, actors.council), false],
    ['failed (refused)', (d) => d.send(markKey, actors.council).send(hearing, actors.council).send(vote(false), actors.system), false],
    ['passed (allowed)', (d) => d.send(markKey, actors.council).send(hearing, actors.council).send(vote(true), actors.system), true],
    ['unmarked (allowed)', (d) => d.send(markKey, actors.council).send({ type: 'UNMARK_KEY', reason: 'Dropped' }, actors.office), true],
  ])('CLOSE while the key item is %s', (_name, arrange, allowed) => {
    const d = arrange(new Driver().repliedByA('A'));
    if (handling(d) === 'inProgress') d.send(contactPayload(T0), actors.unitA).send(replyPayload('A'), actors.unitA);
    d.send(feedback('SATISFIED'), actors.lead);
    expect(handling(d)).toBe('awaitingClose');
    expect(d.can({ type: 'CLOSE' }, actors.office)).toBe(allowed);
    if (!allowed) expect(d.refusal({ type: 'CLOSE' }, actors.office)).toMatch(/key suggestion/);
  });

  it('cannot be marked once handling is closed', () => {
    const d = new Driver().repliedByA('A').send(feedback('SATISFIED'), actors.lead).send({ type: 'CLOSE' }, actors.office);
    expect(d.effects()).toEqual([{ type: 'notify', params: { template: 'CLOSED', to: [{ kind: 'DEPUTY', deputyId: LEAD }] } }]);
    expect(d.can(markKey, actors.council)).toBe(false);
  });

  it('a vote needs a hearing first', () => {
    const d = new Driver().repliedByA('A').send(markKey, actors.council);
    expect(d.can(vote(true), actors.system)).toBe(false);
  });
});

describe('disclosure', () => {
  const decide = (mode: 'FULL' | 'SUMMARY' | 'WITHHELD', extra: object = {}): SuggestionEventPayload => ({ type: 'DECIDE_DISCLOSURE', mode, ...extra }) as SuggestionEventPayload;

  it.each<[string, (d: Driver) => Driver, SuggestionEventPayload, string | null, string]>([
    ['FULL with consent', (d) => d.repliedByA('A'), decide('FULL'), null, 'published'],
    ['FULL without the deputy’s consent', (d) => d.repliedByA('A'), decide('FULL'), 'the deputy did not agree to disclosure; it must be WITHHELD with a reason', 'pending'],
    ['SUMMARY without a summary', (d) => d.repliedByA('A'), decide('SUMMARY'), 'the summary to publish is required', 'pending'],
    ['SUMMARY with a summary', (d) => d.repliedByA('A'), decide('SUMMARY', { summary: 'Road repaired.' }), null, 'published'],
    ['WITHHELD without a reason', (d) => d.repliedByA('A'), decide('WITHHELD'), 'a reason for withholding is required', 'pending'],
    ['WITHHELD with a reason', (d) => d.repliedByA('A'), decide('WITHHELD', { reason: 'Personal data' }), null, 'withheld'],
  ])('%s', (name, arrange, payload, reason, expected) => {
    const d = arrange(new Driver(input({ agreesToDisclosure: !name.includes('without the deputy') })));
    expect(d.refusal(payload, actors.office)).toBe(reason);
    if (reason === null) d.send(payload, actors.office);
    expect(disclosureState(d)).toBe(expected);
    if (reason === null) expect(d.context.deadlines.DISCLOSURE).toBeUndefined();
  });

  it('FULL is refused when a replying unit did not agree', () => {
    const d = new Driver().assignedToA().send(replyPayload('A', false), actors.headA);
    expect(d.context.unitsAgreeToDisclosure).toBe(false);
    expect(d.refusal(decide('FULL'), actors.office)).toBe('a replying unit did not agree to disclosure; it must be WITHHELD with a reason');
  });

  it('is not due before the first completed reply, may be revised, and its deadline escalates', () => {
    const d = new Driver().assignedToA();
    expect(d.can(decide('WITHHELD', { reason: 'x' }), actors.office)).toBe(false);
    d.send(replyPayload('A'), actors.headA).send({ type: 'DEADLINE_PASSED', deadlineKey: 'DISCLOSURE' }, actors.system);
    expect(disclosureState(d)).toBe('pending');
    expect(d.effects()).toEqual([{ type: 'notify', params: { template: 'DISCLOSURE_OVERDUE', to: [{ kind: 'OFFICE' }] } }]);
    d.send(decide('WITHHELD', { reason: 'Under review' }), actors.office).send(decide('FULL'), actors.office);
    expect(disclosureState(d)).toBe('published');
    expect(d.context.disclosure).toEqual({ mode: 'FULL', reason: null });
  });
});

describe('withdrawal', () => {
  const stages: Array<[string, () => Driver]> = [
    ['draft', () => new Driver()],
    ['review', () => new Driver().submitted()],
    ['awaiting assignment', () => new Driver().accepted()],
    ['in progress', () => new Driver().assignedToA()],
    ['awaiting feedback', () => new Driver().repliedByA('A')],
    ['follow-up', () => new Driver().repliedByA('B').send(feedback('SATISFIED'), actors.lead)],
  ];

  it.each(stages)('from %s ends the suggestion at once, and it then accepts nothing', (_name, arrange) => {
    const d = arrange().send({ type: 'WITHDRAW', reason: 'Solved locally.' }, actors.lead);
    expect(d.snapshot.value).toBe('withdrawn');
    expect(d.snapshot.status).toBe('done');
    expect(d.context.deadlines).toEqual({});
    expect(d.context.endReason).toBe('Solved locally.');
    const anything: SuggestionEventPayload[] = [
      { type: 'WITHDRAW', reason: 'again' },
      { type: 'SUBMIT' },
      { type: 'ACCEPT' },
      { type: 'ASSIGN', mode: 'SEPARATE', unitIds: [UNIT_A] },
      replyPayload('A'),
      feedback('SATISFIED'),
      { type: 'CLOSE' },
      markKey,
      { type: 'DECIDE_DISCLOSURE', mode: 'WITHHELD', reason: 'x' },
      { type: 'DEADLINE_PASSED', deadlineKey: 'FEEDBACK' },
      absorbPayload,
    ];
    for (const payload of anything) {
      for (const actor of [actors.lead, actors.office, actors.unitA, actors.system]) expect(d.can(payload, actor)).toBe(false);
    }
    const [after, actions] = transition(machine, d.snapshot, event({ type: 'ACCEPT' }, actors.office));
    expect(after).toBe(d.snapshot);
    expect(actions).toEqual([]);
  });

  it('tells the office and the assigned units', () => {
    const d = new Driver().accepted().send(leadWithCo, actors.office).send({ type: 'WITHDRAW', reason: 'Moved away' }, actors.lead);
    expect(d.effects()).toEqual([
      { type: 'notify', params: { template: 'SUGGESTION_WITHDRAWN', to: [{ kind: 'OFFICE' }, { kind: 'UNIT', unitId: UNIT_A }, { kind: 'UNIT', unitId: UNIT_B }] } },
    ]);
  });

  it('needs a written reason and is impossible once handling is closed', () => {
    const d = new Driver().submitted();
    expect(d.refusal({ type: 'WITHDRAW', reason: '' }, actors.lead)).toBe('a written reason for withdrawal is required');
    const closed = new Driver().repliedByA('A').send(feedback('SATISFIED'), actors.lead).send({ type: 'CLOSE' }, actors.office);
    expect(closed.can({ type: 'WITHDRAW', reason: 'late' }, actors.lead)).toBe(false);
  });
});

describe('permissions', () => {
  const ctxAssigned = new Driver().accepted().send(leadWithCo, actors.office).context;
  const ctxDraft = new Driver().send({ type: 'INVITE_COSIGNER', deputyId: CO1 }, actors.lead).context;
  const outsider: Actor = { userId: 'x', roles: [Role.DEPUTY], deputyId: 'dep-x', unitId: null };
  const otherUnit: Actor = { userId: 'y', roles: [Role.UNIT_HEAD], deputyId: null, unitId: UNIT_C };
  const unitWithoutRole: Actor = { userId: 'z', roles: [Role.DEPUTY], deputyId: null, unitId: UNIT_A };

  it.each<[SuggestionEventType, Actor, 'draft' | 'assigned', boolean]>([
    ['SUBMIT', actors.lead, 'draft', true],
    ['SUBMIT', actors.co1, 'draft', false],
    ['WITHDRAW', outsider, 'assigned', false],
    ['INVITE_COSIGNER', actors.office, 'draft', false],
    ['CONFIRM_COSIGN', actors.co1, 'draft', true],
    ['CONFIRM_COSIGN', actors.co2, 'draft', false],
    ['GIVE_FEEDBACK', actors.lead, 'assigned', true],
    ['GIVE_FEEDBACK', outsider, 'assigned', false],
    ['REPLY', actors.unitA, 'assigned', true],
    ['REPLY', actors.headA, 'assigned', true],
    ['REPLY', otherUnit, 'assigned', false],
    ['REPLY', unitWithoutRole, 'assigned', false],
    ['SUBMIT_OPINION', actors.unitB, 'assigned', true],
    ['ACCEPT', actors.office, 'assigned', true],
    ['ACCEPT', actors.govOffice, 'assigned', false],
    ['ASSIGN', actors.govOffice, 'assigned', true],
    ['DECIDE_ADJUSTMENT', actors.govOffice, 'assigned', true],
    ['DECIDE_EXTENSION', actors.govOffice, 'assigned', false],
    ['MARK_KEY', actors.council, 'assigned', true],
    ['UNMARK_KEY', actors.council, 'assigned', false],
    ['RECORD_HEARING', actors.council, 'assigned', true],
    ['RECORD_VOTE_RESULT', SYSTEM_ACTOR, 'assigned', true],
    ['RECORD_VOTE_RESULT', actors.council, 'assigned', false],
    ['DEADLINE_PASSED', SYSTEM_ACTOR, 'assigned', true],
    ['DEADLINE_PASSED', actors.office, 'assigned', false],
    ['ABSORB', SYSTEM_ACTOR, 'assigned', true],
    ['ABSORB', actors.office, 'assigned', false],
    ['CLOSE', actors.unitA, 'assigned', false],
  ])('%s by %o (%s) → %s', (type, actor, which, allowed) => {
    expect(mayActorSend(type, actor, which === 'draft' ? ctxDraft : ctxAssigned)).toBe(allowed);
  });

  it('lists every event type once', () => {
    expect(eventTypes).toHaveLength(31);
    expect(new Set(eventTypes).size).toBe(eventTypes.length);
    for (const type of eventTypes) expect(typeof explainRefusal(ctxAssigned, event({ type } as SuggestionEventPayload, SYSTEM_ACTOR))).not.toBe('undefined');
  });

  it('explains an unknown event type', () => {
    expect(explainRefusal(ctxAssigned, { type: 'NOPE' } as never)).toBe('unknown event type NOPE');
  });
});
