import type { Actor } from '../common/actor';

/**
 * The contract between the suggestion machine and the engine that runs it.
 * Everything here is plain JSON: snapshots are persisted and restored.
 */

/** Deadline kinds the machine opens. The engine supplies `due[kind]` for each with every event. */
export enum DeadlineKind {
  /** Between-session suggestion: assign within N working days of acceptance. */
  ASSIGNMENT = 'ASSIGNMENT',
  ADJUSTMENT = 'ADJUSTMENT',
  CO_UNIT_OPINION = 'CO_UNIT_OPINION',
  REPLY = 'REPLY',
  /** Upper bound of the reply deadline with an approved extension, counted from assignment. */
  REPLY_MAX = 'REPLY_MAX',
  REHANDLING_REPLY = 'REHANDLING_REPLY',
  FEEDBACK = 'FEEDBACK',
  DISCLOSURE = 'DISCLOSURE',
  REPORT_AGAIN = 'REPORT_AGAIN',
}

/** Deadline kinds that become rows in the deadlines table (REPLY_MAX is only a bound). */
export type OpenDeadlineKind = Exclude<DeadlineKind, DeadlineKind.REPLY_MAX>;

export type DueDates = Record<DeadlineKind, string>;

/** The rules of the jurisdiction profile that the machine's guards read, fixed at creation. */
export interface SuggestionRules {
  /** Classification codes in order, e.g. ['A','B','C','D']. */
  classifications: string[];
  /** Codes meaning solved (A). */
  solvedClassifications: string[];
  /** Codes that stay open for follow-up (B, C). */
  followUpClassifications: string[];
  /** Re-handling rounds allowed after the first handling (default 1). */
  maxRehandlingRounds: number;
  /** The lead unit must record a contact with the deputy before replying (default true). */
  requireContactBeforeReply: boolean;
  /** The lead unit replies only after every co-unit sent its opinion (default true). */
  requireCoUnitOpinionsBeforeReply: boolean;
  /** Which feedback dimension triggers re-handling when UNSATISFIED: 'RESULT', 'HANDLING', or 'EITHER' (default). */
  rehandlingTrigger: 'RESULT' | 'HANDLING' | 'EITHER';
}

export type Satisfaction = 'SATISFIED' | 'BASICALLY_SATISFIED' | 'UNSATISFIED';

export type ProposerRole = 'LEAD' | 'COSIGNER';
export type ProposerStatus = 'INVITED' | 'CONFIRMED' | 'DECLINED';

export interface Proposer {
  deputyId: string;
  role: ProposerRole;
  status: ProposerStatus;
  /** Set on proposers absorbed from a suggestion merged into this one. */
  viaSuggestionId: string | null;
}

export type AssignmentRole = 'LEAD' | 'CO' | 'SEPARATE';
export type AssignmentMode = 'LEAD_WITH_CO_UNITS' | 'SEPARATE';

export interface Assignment {
  unitId: string;
  role: AssignmentRole;
  /** Round this assignment belongs to (1 = first handling). */
  round: number;
  acknowledged: boolean;
  adjustmentRequested: boolean;
  contacts: number;
  opinionGiven: boolean;
  extensionRequested: boolean;
  /** Current reply due date (LEAD and SEPARATE only). */
  replyDueAt: string | null;
  /** Latest reply due date an extension may grant. */
  replyMaxAt: string | null;
  overdue: boolean;
  /** Classification of this unit's reply in this round, null until replied. */
  classification: string | null;
}

export interface FeedbackEntry {
  deputyId: string;
  round: number;
  /** null when the feedback deadline passed without an answer: recorded as none, never as satisfied. */
  handlingWork: Satisfaction | null;
  result: Satisfaction | null;
}

export interface OpenDeadline {
  kind: OpenDeadlineKind;
  dueAt: string;
  /** The unit this deadline binds, when it binds one. */
  unitId: string | null;
}

export interface KeyTrack {
  topic: string | null;
  supervisingLeaderId: string;
  leadingLeaderId: string;
  hearings: number;
  votes: number;
  /** Result of the latest satisfaction vote; null until the first vote. CLOSE needs true when the item is key. */
  lastVotePassed: boolean | null;
}

export type DisclosureMode = 'FULL' | 'SUMMARY' | 'WITHHELD';

export interface SuggestionContext {
  rules: SuggestionRules;
  duringSession: boolean;
  /** The lead deputy agreed to disclosure when filing. */
  agreesToDisclosure: boolean;
  proposers: Proposer[];
  mergedFrom: string[];
  /** 0 before assignment, 1 in the first handling, 2+ in re-handling rounds. */
  round: number;
  mode: AssignmentMode | null;
  assignments: Assignment[];
  feedback: FeedbackEntry[];
  /** Classification of the current round's reply (the lead's, or the lowest of separate replies). */
  classification: string | null;
  /** Every unit that replied agreed to disclosure. */
  unitsAgreeToDisclosure: boolean;
  key: KeyTrack | null;
  /** Open deadlines by key (`${kind}` or `${kind}_${unitId}`); the engine mirrors them into the deadlines table. */
  deadlines: Record<string, OpenDeadline>;
  disclosure: { mode: DisclosureMode; reason: string | null } | null;
  /** Why the suggestion ended, for rejected / letter / withdrawn. */
  endReason: string | null;
}

export interface SuggestionInput {
  rules: SuggestionRules;
  duringSession: boolean;
  agreesToDisclosure: boolean;
  leadDeputyId: string;
}

/** Fields every event carries, added by the engine. */
export interface EventEnvelope {
  actor: Actor;
  at: string;
  due: DueDates;
}

export type SuggestionEventPayload =
  | { type: 'INVITE_COSIGNER'; deputyId: string }
  | { type: 'REMOVE_COSIGNER'; deputyId: string }
  | { type: 'CONFIRM_COSIGN' }
  | { type: 'DECLINE_COSIGN' }
  | { type: 'SUBMIT' }
  | { type: 'WITHDRAW'; reason: string }
  | { type: 'ACCEPT' }
  | { type: 'MERGE'; targetSuggestionId: string; reason: string }
  | { type: 'ABSORB'; sourceSuggestionId: string; proposers: Proposer[] }
  | { type: 'CONVERT_TO_LETTER'; reason: string }
  | { type: 'REJECT'; reason: string }
  | { type: 'ASSIGN'; mode: AssignmentMode; unitIds: string[]; leadUnitId?: string }
  | { type: 'ACKNOWLEDGE' }
  | { type: 'REQUEST_ADJUSTMENT'; reason: string }
  | { type: 'DECIDE_ADJUSTMENT'; unitId: string; approve: boolean; newUnitId?: string; reason: string }
  | { type: 'RECORD_CONTACT'; method: 'MEETING' | 'VISIT' | 'PHONE' | 'FORUM' | 'OTHER'; contactedAt: string; participants: string; notes?: string }
  | { type: 'SUBMIT_OPINION'; text: string }
  | { type: 'REQUEST_EXTENSION'; reason: string; requestedDueAt: string }
  | { type: 'DECIDE_EXTENSION'; unitId: string; approve: boolean; dueAt?: string; reason?: string }
  | {
      type: 'REPLY';
      classification: string;
      text: string;
      signedBy: string;
      contactPerson: string;
      contactPhone: string;
      agreesToDisclosure: boolean;
    }
  | { type: 'GIVE_FEEDBACK'; handlingWork: Satisfaction; result: Satisfaction; comment?: string }
  | { type: 'REASSIGN_FOR_REHANDLING'; unitIds: string[]; leadUnitId?: string; mode: AssignmentMode }
  | { type: 'FOLLOW_UP_REPLY'; classification: string; text: string }
  | { type: 'FOLLOW_UP_EXPLAIN'; text: string }
  | { type: 'MARK_KEY'; supervisingLeaderId: string; leadingLeaderId: string; topic?: string }
  | { type: 'UNMARK_KEY'; reason: string }
  | { type: 'RECORD_HEARING'; meetingId: string; opinion: string }
  | { type: 'RECORD_VOTE_RESULT'; voteSessionId: string; passed: boolean }
  | { type: 'CLOSE' }
  | { type: 'DECIDE_DISCLOSURE'; mode: DisclosureMode; summary?: string; reason?: string }
  | { type: 'DEADLINE_PASSED'; deadlineKey: string };

export type SuggestionEventType = SuggestionEventPayload['type'];

export type SuggestionEvent = SuggestionEventPayload & EventEnvelope;

/** Who gets a notification; the engine resolves references to users. */
export type RecipientRef =
  | { kind: 'DEPUTY'; deputyId: string }
  | { kind: 'UNIT'; unitId: string }
  | { kind: 'OFFICE' }
  | { kind: 'LEADER'; userId: string };

/**
 * Named side effects the machine asks for; the engine performs them inside the event's transaction.
 * Each is an XState action whose `params` have the shape below.
 */
export interface SuggestionEffects {
  allocateNumber: Record<string, never>;
  absorbInto: { targetSuggestionId: string; proposers: Proposer[] };
  recordAssignment: { unitId: string; role: AssignmentRole; round: number };
  endAssignment: { unitId: string; round: number; reason: string };
  recordReply: { unitId: string; round: number; classification: string; followUp: boolean };
  recordFeedback: { deputyId: string; round: number; handlingWork: Satisfaction | null; result: Satisfaction | null };
  notify: { template: string; to: RecipientRef[] };
}
