/**
 * Why the livelihood-vote machine refuses an event on the grounds of its content and the vote's facts.
 * Every guard is `allowed` = `explainLivelihoodRefusal(...) === null`, so a refusal always has a reason.
 */
import { hasRole, Role } from '../common/actor';
import type { LivelihoodContext, LivelihoodEvent, LivelihoodEventType, TrackedProject } from './livelihood-vote.types';

type EventOf<T extends LivelihoodEventType> = Extract<LivelihoodEvent, { type: T }>;
export type LivelihoodRule<T extends LivelihoodEventType> = (context: LivelihoodContext, event: EventOf<T>) => string | null;

const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === '';
const reasonRule = (_ctx: LivelihoodContext, e: { reason: string }) => (isBlank(e.reason) ? 'a reason is required' : null);

export const activeCandidates = (ctx: LivelihoodContext) => ctx.candidates.filter((c) => !c.withdrawn);

const addRule: LivelihoodRule<'ADD_CANDIDATE'> = (ctx, e) =>
  ctx.candidates.some((c) => c.id === e.candidateId) ? `candidate ${e.candidateId} is already on the list` : null;

const withdrawRule: LivelihoodRule<'WITHDRAW_CANDIDATE'> = (ctx, e) => {
  if (!activeCandidates(ctx).some((c) => c.id === e.candidateId)) return `candidate ${e.candidateId} is not on the list`;
  return reasonRule(ctx, e);
};

const submitRule = (ctx: LivelihoodContext) => {
  const count = activeCandidates(ctx).length;
  return count > ctx.places ? null : `差额票决 needs more candidates than places: ${count} candidates for ${ctx.places} places`;
};

const openRule = (ctx: LivelihoodContext, e: { voters: string[]; electorate: number }) => {
  if (!Array.isArray(e.voters) || e.voters.length === 0) return 'the deputies present are required';
  if (new Set(e.voters).size !== e.voters.length) return 'a deputy is listed twice';
  if (!(e.electorate >= e.voters.length)) return 'the deputies present cannot outnumber all deputies';
  return null;
};

const closeRule: LivelihoodRule<'CLOSE'> = (ctx, e) => {
  const onBallot = ctx.ballot?.candidateIds ?? [];
  const counted = e.tallies.map((t) => t.candidateId);
  if (counted.length !== onBallot.length || !onBallot.every((id) => counted.includes(id))) return 'the count must cover every candidate on the ballot';
  return null;
};

function projectFor(ctx: LivelihoodContext, event: LivelihoodEvent & { projectId: string }): TrackedProject | string {
  const project = ctx.projects.find((p) => p.id === event.projectId);
  if (!project) return `project ${event.projectId} was not chosen`;
  const isGovOffice = hasRole(event.actor, Role.GOV_OFFICE);
  if (!isGovOffice && (project.unitId === null || project.unitId !== event.actor.unitId)) return 'only the responsible unit or the government office reports on this project';
  return project;
}

const milestonesRule: LivelihoodRule<'SET_MILESTONES'> = (ctx, e) => {
  const project = projectFor(ctx, e);
  if (typeof project === 'string') return project;
  if (project.milestones.length > 0) return 'the project’s milestones are already set';
  if (e.milestones.length === 0) return 'at least one milestone is required';
  const ids = e.milestones.map((m) => m.id);
  if (new Set(ids).size !== ids.length) return 'a milestone id is repeated';
  if (e.milestones.some((m) => !(Date.parse(m.dueAt) > Date.parse(e.at)))) return 'every milestone must fall due in the future';
  return e.milestones.some((m) => isBlank(m.title)) ? 'every milestone needs a title' : null;
};

const progressRule: LivelihoodRule<'REPORT_PROGRESS'> = (ctx, e) => {
  const project = projectFor(ctx, e);
  if (typeof project === 'string') return project;
  if (!Number.isInteger(e.percent) || e.percent < 0 || e.percent > 100) return 'progress is a whole percentage from 0 to 100';
  if (e.percent < project.progress) return `progress cannot go back from ${project.progress}% to ${e.percent}%`;
  const unknown = e.milestoneIds.find((id) => !project.milestones.some((m) => m.id === id && m.doneAt === null));
  if (unknown) return `milestone ${unknown} is not an open milestone of this project`;
  return isBlank(e.text) ? 'the report text is required' : null;
};

const scoreRule: LivelihoodRule<'RECORD_VOTE_RESULT'> = (ctx, e) =>
  ctx.projects.some((p) => p.id === e.subjectId) ? null : `the vote item ${String(e.subjectId)} is not a chosen project`;

const rules: { [K in LivelihoodEventType]: LivelihoodRule<K> | null } = {
  ADD_CANDIDATE: addRule,
  WITHDRAW_CANDIDATE: withdrawRule,
  SUBMIT_LIST: submitRule,
  RETURN_LIST: reasonRule,
  APPROVE_LIST: submitRule,
  OPEN: openRule,
  OPEN_RUNOFF: openRule,
  CLOSE: closeRule,
  SET_MILESTONES: milestonesRule,
  REPORT_PROGRESS: progressRule,
  REPORT_TO_COMMITTEE: (_ctx, e) => (isBlank(e.text) ? 'the report text is required' : null),
  RECORD_VOTE_RESULT: scoreRule,
  CONCLUDE: reasonRule,
  CANCEL: reasonRule,
  DEADLINE_PASSED: (ctx, e) => (ctx.deadlines[e.deadlineKey] ? null : `no open deadline ${e.deadlineKey}`),
};

/** The reason the event would be refused, or null when its content and the vote's facts allow it. */
export function explainLivelihoodRefusal(context: LivelihoodContext, event: LivelihoodEvent): string | null {
  const rule = rules[event.type] as LivelihoodRule<LivelihoodEventType> | null | undefined;
  if (rule === undefined) return `unknown event type ${String(event.type)}`;
  return rule ? rule(context, event as never) : null;
}
