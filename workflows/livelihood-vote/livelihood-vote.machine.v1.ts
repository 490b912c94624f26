/**
 * Livelihood projects chosen by deputies' vote, version 1:
 * collecting → review → approved → voting → (runoff → voting)* → tracking → done, or cancelled before the vote.
 *
 * Candidates, rounds and chosen projects are data in the context. The machine never sees a ballot: CLOSE carries
 * the counts the domain sealed in the same transaction, and `selectProjects` decides chosen, run-off and failed.
 * Milestones and the periodic progress report to the standing committee are deadlines in `context.deadlines`,
 * so the engine reminds before them and escalates with DEADLINE_PASSED. Year-end satisfaction comes back from
 * the standing committee's vote session as RECORD_VOTE_RESULT, one per project.
 *
 * Persisted snapshots exist in the database: never change state names or the meaning of context here;
 * write livelihood-vote.machine.v2.ts instead.
 */
import { and, assign, setup } from 'xstate';
import { selectProjects } from './livelihood-selection.util';
import { activeCandidates, explainLivelihoodRefusal } from './livelihood-vote-rules';
import {
  LivelihoodDeadlineKind,
  type LivelihoodContext,
  type LivelihoodEffects,
  type LivelihoodEvent,
  type LivelihoodInput,
  type OpenDeadline,
  type TrackedProject,
} from './livelihood-vote.types';

export const LIVELIHOOD_VOTE_MACHINE_V1 = 1;

export const PROGRESS_DEADLINE_KEY = 'progress';
export const milestoneDeadlineKey = (milestoneId: string) => `milestone_${milestoneId}`;

type Recipient = { kind: 'OFFICE' } | { kind: 'UNIT'; unitId: string };
export interface NotifyParams {
  template: string;
  to: Recipient[];
}

function expectEvent<T extends LivelihoodEvent['type']>(event: LivelihoodEvent, type: T): Extract<LivelihoodEvent, { type: T }> {
  if (event.type !== type) throw new Error(`expected ${type}, got ${event.type}`);
  return event as Extract<LivelihoodEvent, { type: T }>;
}

const without = (deadlines: Record<string, OpenDeadline>, keys: string[]) =>
  Object.fromEntries(Object.entries(deadlines).filter(([key]) => !keys.includes(key)));

const patchProject = (ctx: LivelihoodContext, id: string, patch: (p: TrackedProject) => Partial<TrackedProject>) =>
  ctx.projects.map((p) => (p.id === id ? { ...p, ...patch(p) } : p));

function selectionOf(context: LivelihoodContext, event: LivelihoodEvent) {
  const e = expectEvent(event, 'CLOSE');
  const ballot = context.ballot!;
  return selectProjects(e.tallies, { places: ballot.places, electorate: ballot.electorate, approvalShare: context.rules.approvalShare });
}

/** The round about to be voted on: its candidates and places, and the electorate the threshold counts from. */
function ballotFor(context: LivelihoodContext, event: LivelihoodEvent, candidateIds: string[], places: number) {
  const e = event as Extract<LivelihoodEvent, { type: 'OPEN' | 'OPEN_RUNOFF' }>;
  return { ballot: { round: context.rounds.length + 1, candidateIds, places, electorate: e.electorate, votersPresent: e.voters.length } };
}

const machineSetup = setup({
  types: {
    context: {} as LivelihoodContext,
    events: {} as LivelihoodEvent,
    input: {} as LivelihoodInput,
  },
  actions: {
    notify: (_: unknown, _params: NotifyParams) => {},
    fixEntitledVoters: (_: unknown, _params: LivelihoodEffects['fixEntitledVoters']) => {},
    storeProgress: (_: unknown, _params: LivelihoodEffects['storeProgress']) => {},
    storeCommitteeReport: (_: unknown, _params: LivelihoodEffects['storeCommitteeReport']) => {},
    addCandidate: assign(({ context, event }) => {
      const e = expectEvent(event, 'ADD_CANDIDATE');
      return { candidates: [...context.candidates, { id: e.candidateId, unitId: e.unitId, withdrawn: false }] };
    }),
    withdrawCandidate: assign(({ context, event }) => {
      const id = expectEvent(event, 'WITHDRAW_CANDIDATE').candidateId;
      return { candidates: context.candidates.map((c) => (c.id === id ? { ...c, withdrawn: true } : c)) };
    }),
    storeReturn: assign(({ event }) => ({ returnReason: expectEvent(event, 'RETURN_LIST').reason })),
    openFirstRound: assign(({ context, event }) => ballotFor(context, event, activeCandidates(context).map((c) => c.id), context.places)),
    openRunoff: assign(({ context, event }) => ballotFor(context, event, context.runoff?.candidateIds ?? [], context.runoff?.places ?? 0)),
    recordRound: assign(({ context, event }) => {
      const e = expectEvent(event, 'CLOSE');
      const result = selectionOf(context, event);
      const approvals = Object.fromEntries(e.tallies.map((t) => [t.candidateId, t.approvals]));
      return {
        rounds: [...context.rounds, { ...context.ballot!, ballotsReturned: e.ballotsReturned, approvals, ...result }],
        chosen: [...context.chosen, ...result.chosen],
        runoff: result.runoff.length > 0 ? { candidateIds: result.runoff, places: result.runoffPlaces } : null,
        ballot: null,
      };
    }),
    startTracking: assign(({ context, event }) => ({
      projects: context.chosen.map((id) => ({
        id, unitId: context.candidates.find((c) => c.id === id)?.unitId ?? null, milestones: [], progress: 0, reportCount: 0, lastReportAt: null, score: null,
      })),
      deadlines: { [PROGRESS_DEADLINE_KEY]: { kind: LivelihoodDeadlineKind.PROGRESS_REPORT, dueAt: event.due[LivelihoodDeadlineKind.PROGRESS_REPORT], unitId: null } },
    })),
    setMilestones: assign(({ context, event }) => {
      const e = expectEvent(event, 'SET_MILESTONES');
      const unitId = context.projects.find((p) => p.id === e.projectId)?.unitId ?? null;
      const deadlines = { ...context.deadlines };
      for (const m of e.milestones) deadlines[milestoneDeadlineKey(m.id)] = { kind: LivelihoodDeadlineKind.PROJECT_MILESTONE, dueAt: m.dueAt, unitId };
      return {
        projects: patchProject(context, e.projectId, () => ({ milestones: e.milestones.map((m) => ({ ...m, doneAt: null, overdue: false })) })),
        deadlines,
      };
    }),
    reportProgress: assign(({ context, event }) => {
      const e = expectEvent(event, 'REPORT_PROGRESS');
      return {
        projects: patchProject(context, e.projectId, (p) => ({
          progress: e.percent,
          reportCount: p.reportCount + 1,
          lastReportAt: e.at,
          milestones: p.milestones.map((m) => (e.milestoneIds.includes(m.id) ? { ...m, doneAt: e.at } : m)),
        })),
        deadlines: without(context.deadlines, e.milestoneIds.map(milestoneDeadlineKey)),
      };
    }),
    reportToCommittee: assign(({ context, event }) => ({
      committeeReports: context.committeeReports + 1,
      deadlines: {
        ...context.deadlines,
        [PROGRESS_DEADLINE_KEY]: { kind: LivelihoodDeadlineKind.PROGRESS_REPORT, dueAt: event.due[LivelihoodDeadlineKind.PROGRESS_REPORT], unitId: null },
      },
    })),
    storeScore: assign(({ context, event }) => {
      const e = expectEvent(event, 'RECORD_VOTE_RESULT');
      return { projects: patchProject(context, e.subjectId as string, () => ({ score: { voteSessionId: e.voteSessionId, passed: e.passed } })) };
    }),
    passDeadline: assign(({ context, event }) => {
      const key = expectEvent(event, 'DEADLINE_PASSED').deadlineKey;
      const deadlines = without(context.deadlines, [key]);
      if (key === PROGRESS_DEADLINE_KEY) return { progressOverdue: context.progressOverdue + 1, deadlines };
      const milestoneId = key.slice('milestone_'.length);
      return {
        deadlines,
        projects: context.projects.map((p) => ({ ...p, milestones: p.milestones.map((m) => (m.id === milestoneId ? { ...m, overdue: true } : m)) })),
      };
    }),
    conclude: assign(({ context, event }) => ({ concludedAt: event.at, deadlines: without(context.deadlines, Object.keys(context.deadlines)) })),
    cancel: assign(({ event }) => ({ cancelReason: expectEvent(event, 'CANCEL').reason })),
  },
  guards: {
    /** The single source of refusals (livelihood-vote-rules.ts). */
    allowed: ({ context, event }) => explainLivelihoodRefusal(context, event) === null,
    tieAtBoundary: ({ context, event }) => selectionOf(context, event).runoff.length > 0,
    lastScore: ({ context, event }) => {
      const id = expectEvent(event, 'RECORD_VOTE_RESULT').subjectId;
      return context.projects.every((p) => p.id === id || p.score !== null);
    },
  },
});

const fixVoters = {
  type: 'fixEntitledVoters',
  params: ({ context, event }: { context: LivelihoodContext; event: LivelihoodEvent }) => ({
    round: context.ballot!.round,
    voters: (event as Extract<LivelihoodEvent, { type: 'OPEN' }>).voters,
    candidateIds: context.ballot!.candidateIds,
  }),
} as const;

const notifyChosenUnits = {
  type: 'notify',
  params: ({ context }: { context: LivelihoodContext }): NotifyParams => ({
    template: 'ASSIGNED',
    to: [{ kind: 'OFFICE' }, ...[...new Set(context.projects.map((p) => p.unitId).filter((id): id is string => id !== null))].map((unitId) => ({ kind: 'UNIT' as const, unitId }))],
  }),
} as const;

const notifyOnDeadline = {
  type: 'notify',
  params: ({ context, event }: { context: LivelihoodContext; event: LivelihoodEvent }): NotifyParams => {
    const deadline = context.deadlines[expectEvent(event, 'DEADLINE_PASSED').deadlineKey];
    return { template: 'OVERDUE', to: [{ kind: 'OFFICE' }, ...(deadline?.unitId ? [{ kind: 'UNIT' as const, unitId: deadline.unitId }] : [])] };
  },
} as const;

const cancel = { guard: 'allowed', target: 'cancelled', actions: ['cancel'] } as const;

export const livelihoodVoteMachineV1 = machineSetup.createMachine({
  id: 'livelihoodVote',
  context: ({ input }) => ({
    year: input.year,
    places: input.places,
    rules: input.rules,
    candidates: [],
    returnReason: null,
    ballot: null,
    rounds: [],
    chosen: [],
    runoff: null,
    projects: [],
    deadlines: {},
    committeeReports: 0,
    progressOverdue: 0,
    concludedAt: null,
    cancelReason: null,
  }),
  initial: 'collecting',
  states: {
    collecting: {
      on: {
        ADD_CANDIDATE: { guard: 'allowed', actions: ['addCandidate'] },
        WITHDRAW_CANDIDATE: { guard: 'allowed', actions: ['withdrawCandidate'] },
        SUBMIT_LIST: { guard: 'allowed', target: 'review' },
        CANCEL: cancel,
      },
    },
    review: {
      on: {
        APPROVE_LIST: { guard: 'allowed', target: 'approved' },
        RETURN_LIST: { guard: 'allowed', target: 'collecting', actions: ['storeReturn'] },
        CANCEL: cancel,
      },
    },
    approved: {
      on: {
        OPEN: { guard: 'allowed', target: 'voting', actions: ['openFirstRound', fixVoters] },
        CANCEL: cancel,
      },
    },
    voting: {
      on: {
        CLOSE: [
          { guard: and(['allowed', 'tieAtBoundary']), target: 'runoff', actions: ['recordRound'] },
          { guard: 'allowed', target: 'tracking', actions: ['recordRound', 'startTracking', notifyChosenUnits] },
        ],
      },
    },
    runoff: {
      on: {
        OPEN_RUNOFF: { guard: 'allowed', target: 'voting', actions: ['openRunoff', fixVoters] },
      },
    },
    tracking: {
      on: {
        SET_MILESTONES: { guard: 'allowed', actions: ['setMilestones'] },
        REPORT_PROGRESS: {
          guard: 'allowed',
          actions: [
            'reportProgress',
            { type: 'storeProgress', params: ({ event }) => { const e = expectEvent(event, 'REPORT_PROGRESS'); return { projectId: e.projectId, percent: e.percent, text: e.text, milestoneIds: e.milestoneIds, at: e.at }; } },
          ],
        },
        REPORT_TO_COMMITTEE: {
          guard: 'allowed',
          actions: ['reportToCommittee', { type: 'storeCommitteeReport', params: ({ event }) => ({ text: expectEvent(event, 'REPORT_TO_COMMITTEE').text, at: event.at }) }],
        },
        DEADLINE_PASSED: { guard: 'allowed', actions: [notifyOnDeadline, 'passDeadline'] },
        RECORD_VOTE_RESULT: [
          { guard: and(['allowed', 'lastScore']), target: 'done', actions: ['storeScore', 'conclude'] },
          { guard: 'allowed', actions: ['storeScore'] },
        ],
        CONCLUDE: { guard: 'allowed', target: 'done', actions: ['conclude'] },
      },
    },
    done: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

export type LivelihoodVoteMachineV1 = typeof livelihoodVoteMachineV1;
