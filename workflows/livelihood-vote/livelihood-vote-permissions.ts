/**
 * Who may send which event to a livelihood vote, whatever its state: the government office collects candidates
 * and reports progress, the office runs the review and the vote, units report on their own projects, the system
 * passes deadlines and satisfaction results. Which unit reports on which project is a rule, as it depends on it.
 */
import { hasRole, Role, type Actor } from '../common/actor';
import type { LivelihoodContext, LivelihoodEventType } from './livelihood-vote.types';

const office = (actor: Actor) => hasRole(actor, Role.OFFICE);
const officeOrGov = (actor: Actor) => hasRole(actor, Role.OFFICE, Role.GOV_OFFICE);
const system = (actor: Actor) => hasRole(actor, Role.SYSTEM);
const govOrProjectUnit = (actor: Actor, ctx: LivelihoodContext) =>
  hasRole(actor, Role.GOV_OFFICE) ||
  (hasRole(actor, Role.UNIT_STAFF, Role.UNIT_HEAD) && actor.unitId !== null && ctx.projects.some((p) => p.unitId === actor.unitId));

const checks: Record<LivelihoodEventType, (actor: Actor, ctx: LivelihoodContext) => boolean> = {
  ADD_CANDIDATE: officeOrGov,
  WITHDRAW_CANDIDATE: officeOrGov,
  SUBMIT_LIST: officeOrGov,
  RETURN_LIST: office,
  APPROVE_LIST: office,
  OPEN: office,
  OPEN_RUNOFF: office,
  CLOSE: office,
  SET_MILESTONES: govOrProjectUnit,
  REPORT_PROGRESS: govOrProjectUnit,
  REPORT_TO_COMMITTEE: (actor) => hasRole(actor, Role.GOV_OFFICE),
  RECORD_VOTE_RESULT: system,
  CONCLUDE: office,
  CANCEL: office,
  DEADLINE_PASSED: system,
};

export const livelihoodEventTypes: readonly LivelihoodEventType[] = Object.freeze(Object.keys(checks) as LivelihoodEventType[]);

export function mayActorSendLivelihoodEvent(eventType: LivelihoodEventType, actor: Actor, context: LivelihoodContext): boolean {
  const check = checks[eventType] as ((actor: Actor, ctx: LivelihoodContext) => boolean) | undefined;
  return check ? check(actor, context) : false;
}
