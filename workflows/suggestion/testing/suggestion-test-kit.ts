/**
 * Test kit for the suggestion machine: sample actors, profile rules, due dates computed like the
 * engine would (in calendar days, which is all a pure machine test needs), and a small driver that
 * sends events the way the engine does (permission check, then the machine).
 */
import { initialTransition, transition } from 'xstate';
import { Role, SYSTEM_ACTOR, type Actor } from '../../common/actor';
import { suggestionMachineV1 } from '../suggestion-handling.machine.v1';
import { mayActorSend } from '../suggestion-permissions';
import { explainRefusal } from '../suggestion-rules';
import {
  DeadlineKind,
  type DueDates,
  type SuggestionEvent,
  type SuggestionEventPayload,
  type SuggestionInput,
  type SuggestionRules,
} from '../suggestion.types';

export const RULES: SuggestionRules = {
  classifications: ['A', 'B', 'C', 'D'],
  solvedClassifications: ['A'],
  followUpClassifications: ['B', 'C'],
  maxRehandlingRounds: 1,
  requireContactBeforeReply: true,
  requireCoUnitOpinionsBeforeReply: true,
  rehandlingTrigger: 'EITHER',
};

export const LEAD = 'dep-lead';
export const CO1 = 'dep-co1';
export const CO2 = 'dep-co2';
export const ABSORBED = 'dep-abs';
export const UNIT_A = 'unit-a';
export const UNIT_B = 'unit-b';
export const UNIT_C = 'unit-c';
export const SUPERVISOR = 'user-sc-leader';
export const GOV_LEADER = 'user-gov-leader';

export const input = (overrides: Partial<SuggestionInput> = {}, rules: Partial<SuggestionRules> = {}): SuggestionInput => ({
  rules: { ...RULES, ...rules },
  duringSession: false,
  agreesToDisclosure: true,
  leadDeputyId: LEAD,
  ...overrides,
});

export const deputy = (deputyId: string): Actor => ({ userId: `user-${deputyId}`, roles: [Role.DEPUTY], deputyId, unitId: null });
export const unitStaff = (unitId: string): Actor => ({ userId: `staff-${unitId}`, roles: [Role.UNIT_STAFF], deputyId: null, unitId });
export const unitHead = (unitId: string): Actor => ({ userId: `head-${unitId}`, roles: [Role.UNIT_HEAD], deputyId: null, unitId });

export const actors = {
  lead: deputy(LEAD),
  co1: deputy(CO1),
  co2: deputy(CO2),
  absorbed: deputy(ABSORBED),
  office: { userId: 'office-1', roles: [Role.OFFICE], deputyId: null, unitId: null } as Actor,
  govOffice: { userId: 'gov-office-1', roles: [Role.GOV_OFFICE], deputyId: null, unitId: null } as Actor,
  council: { userId: 'council-1', roles: [Role.COUNCIL_MEMBER], deputyId: null, unitId: null } as Actor,
  unitA: unitStaff(UNIT_A),
  unitB: unitStaff(UNIT_B),
  unitC: unitStaff(UNIT_C),
  headA: unitHead(UNIT_A),
  system: SYSTEM_ACTOR,
};

const DAY = 24 * 60 * 60 * 1000;

export const addDays = (at: string, days: number): string => new Date(Date.parse(at) + days * DAY).toISOString();

/** Due dates as the engine would supply them for an event at `at` (profile defaults, calendar days). */
export function dueFrom(at: string): DueDates {
  return {
    [DeadlineKind.ASSIGNMENT]: addDays(at, 7),
    [DeadlineKind.ADJUSTMENT]: addDays(at, 7),
    [DeadlineKind.CO_UNIT_OPINION]: addDays(at, 30),
    [DeadlineKind.REPLY]: addDays(at, 90),
    [DeadlineKind.REPLY_MAX]: addDays(at, 180),
    [DeadlineKind.REHANDLING_REPLY]: addDays(at, 30),
    [DeadlineKind.FEEDBACK]: addDays(at, 28),
    [DeadlineKind.DISCLOSURE]: addDays(at, 28),
    [DeadlineKind.REPORT_AGAIN]: addDays(at, 90),
  };
}

export const T0 = '2026-01-10T02:00:00.000Z';

export function event(payload: SuggestionEventPayload, actor: Actor, at: string = T0): SuggestionEvent {
  return { ...payload, actor, at, due: dueFrom(at) } as SuggestionEvent;
}

export const replyPayload = (classification: string, agreesToDisclosure = true): SuggestionEventPayload => ({
  type: 'REPLY',
  classification,
  text: 'We have repaired the road as suggested.',
  signedBy: 'Director Wang',
  contactPerson: 'Li Ming',
  contactPhone: '0513-1234567',
  agreesToDisclosure,
});

export const contactPayload = (contactedAt: string): SuggestionEventPayload => ({
  type: 'RECORD_CONTACT',
  method: 'MEETING',
  contactedAt,
  participants: 'Deputy and the unit head',
});

export type Snapshot = ReturnType<typeof initialTransition<typeof suggestionMachineV1>>[0];
export type Actions = ReturnType<typeof transition<typeof suggestionMachineV1>>[1];

/** Drives the machine the way the engine does, advancing a clock one hour per event unless told otherwise. */
export class Driver {
  snapshot: Snapshot;
  actions: Actions;
  at: string;

  constructor(machineInput: SuggestionInput = input(), at: string = T0) {
    [this.snapshot, this.actions] = initialTransition(suggestionMachineV1, machineInput);
    this.at = at;
  }

  static from(snapshot: Snapshot, at: string): Driver {
    const driver = new Driver();
    driver.snapshot = snapshot;
    driver.actions = [];
    driver.at = at;
    return driver;
  }

  get context() {
    return this.snapshot.context;
  }

  advanceDays(days: number): this {
    this.at = addDays(this.at, days);
    return this;
  }

  event(payload: SuggestionEventPayload, actor: Actor): SuggestionEvent {
    this.at = new Date(Date.parse(this.at) + 60 * 60 * 1000).toISOString();
    return event(payload, actor, this.at);
  }

  /** Sends an event that must be accepted; throws with the refusal reason otherwise. */
  send(payload: SuggestionEventPayload, actor: Actor): this {
    const e = this.event(payload, actor);
    if (!mayActorSend(e.type, actor, this.snapshot.context)) throw new Error(`${actor.userId} may not send ${e.type}`);
    if (!this.snapshot.can(e)) {
      throw new Error(`${e.type} refused in ${JSON.stringify(this.snapshot.value)}: ${explainRefusal(this.snapshot.context, e) ?? 'not accepted in this state'}`);
    }
    [this.snapshot, this.actions] = transition(suggestionMachineV1, this.snapshot, e);
    return this;
  }

  /** Whether the machine would accept the event now (state and rules; not permissions). */
  can(payload: SuggestionEventPayload, actor: Actor): boolean {
    return this.snapshot.can(event(payload, actor, this.at));
  }

  refusal(payload: SuggestionEventPayload, actor: Actor): string | null {
    return explainRefusal(this.snapshot.context, event(payload, actor, this.at));
  }

  /** Effects of the last accepted event, as the engine would read them. */
  effects(type?: string): Array<{ type: string; params: unknown }> {
    return this.actions
      .filter((a) => type === undefined || a.type === type)
      .map((a) => ({ type: a.type, params: a.params as unknown }));
  }

  // ------------------------------------------------------------ common paths

  submitted(): this {
    return this.send({ type: 'SUBMIT' }, actors.lead);
  }

  accepted(): this {
    return this.submitted().send({ type: 'ACCEPT' }, actors.office);
  }

  /** Accepted and assigned to UNIT_A alone (separate handling), acknowledged, deputy contacted. */
  assignedToA(): this {
    return this.accepted()
      .send({ type: 'ASSIGN', mode: 'SEPARATE', unitIds: [UNIT_A] }, actors.office)
      .send({ type: 'ACKNOWLEDGE' }, actors.unitA)
      .send(contactPayload(this.at), actors.unitA);
  }

  repliedByA(classification: string): this {
    return this.assignedToA().send(replyPayload(classification), actors.headA);
  }
}
