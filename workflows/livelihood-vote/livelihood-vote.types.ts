import type { Actor } from '../common/actor';
import type { CandidateApprovals } from './livelihood-selection.util';

/**
 * The contract between the livelihood-vote machine and the engine (民生实事项目代表票决制): the government collects
 * candidate projects, the standing committee reviews the list, deputies at the congress session approve at most
 * K of N candidates by secret ballot, the chosen projects are tracked through the year and scored at its end.
 * Plain JSON only: snapshots are persisted. Ballots never reach the machine: CLOSE carries only the counts.
 */

export enum LivelihoodDeadlineKind {
  PROJECT_MILESTONE = 'PROJECT_MILESTONE',
  PROGRESS_REPORT = 'PROGRESS_REPORT',
}

export interface OpenDeadline {
  kind: LivelihoodDeadlineKind;
  dueAt: string;
  unitId: string | null;
}

export interface LivelihoodRules {
  /** Approvals must exceed this share of all deputies. */
  approvalShare: number;
}

export interface Candidate {
  id: string;
  /** The unit responsible if it is chosen. */
  unitId: string | null;
  withdrawn: boolean;
}

export interface BallotRound {
  round: number;
  candidateIds: string[];
  places: number;
  electorate: number;
  votersPresent: number;
}

export interface RoundResult extends BallotRound {
  ballotsReturned: number;
  approvals: Record<string, number>;
  minimumApprovals: number;
  chosen: string[];
  runoff: string[];
  runoffPlaces: number;
}

export interface Milestone {
  id: string;
  title: string;
  dueAt: string;
  doneAt: string | null;
  overdue: boolean;
}

export interface TrackedProject {
  id: string;
  unitId: string | null;
  milestones: Milestone[];
  /** 0–100, as last reported. */
  progress: number;
  reportCount: number;
  lastReportAt: string | null;
  score: { voteSessionId: string; passed: boolean } | null;
}

export interface LivelihoodContext {
  year: number;
  places: number;
  rules: LivelihoodRules;
  candidates: Candidate[];
  returnReason: string | null;
  /** The round being voted on, while the vote is open. */
  ballot: BallotRound | null;
  rounds: RoundResult[];
  chosen: string[];
  runoff: { candidateIds: string[]; places: number } | null;
  projects: TrackedProject[];
  deadlines: Record<string, OpenDeadline>;
  committeeReports: number;
  progressOverdue: number;
  concludedAt: string | null;
  cancelReason: string | null;
}

export interface LivelihoodInput {
  year: number;
  places: number;
  rules: LivelihoodRules;
}

export interface LivelihoodEventEnvelope {
  actor: Actor;
  at: string;
  due: Record<string, string>;
}

export interface MilestonePlan {
  id: string;
  title: string;
  dueAt: string;
}

export type LivelihoodEventPayload =
  | { type: 'ADD_CANDIDATE'; candidateId: string; unitId: string | null }
  | { type: 'WITHDRAW_CANDIDATE'; candidateId: string; reason: string }
  | { type: 'SUBMIT_LIST' }
  | { type: 'RETURN_LIST'; reason: string }
  | { type: 'APPROVE_LIST' }
  | { type: 'OPEN'; voters: string[]; electorate: number }
  | { type: 'OPEN_RUNOFF'; voters: string[]; electorate: number }
  | { type: 'CLOSE'; tallies: CandidateApprovals[]; ballotsReturned: number }
  | { type: 'SET_MILESTONES'; projectId: string; milestones: MilestonePlan[] }
  | { type: 'REPORT_PROGRESS'; projectId: string; percent: number; text: string; milestoneIds: string[] }
  | { type: 'REPORT_TO_COMMITTEE'; text: string }
  | { type: 'RECORD_VOTE_RESULT'; voteSessionId: string; passed: boolean; subjectId?: string }
  | { type: 'CONCLUDE'; reason: string }
  | { type: 'CANCEL'; reason: string }
  | { type: 'DEADLINE_PASSED'; deadlineKey: string };

export type LivelihoodEventType = LivelihoodEventPayload['type'];

export type LivelihoodEvent = LivelihoodEventPayload & LivelihoodEventEnvelope;

/** Named side effects the domain performs in the event's transaction. */
export interface LivelihoodEffects {
  /** Writes who may vote in this round and an empty counter per candidate on the ballot. */
  fixEntitledVoters: { round: number; voters: string[]; candidateIds: string[] };
  /** Keeps a progress report's text. */
  storeProgress: { projectId: string; percent: number; text: string; milestoneIds: string[]; at: string };
  /** Keeps the government's progress report to the standing committee. */
  storeCommitteeReport: { text: string; at: string };
}
