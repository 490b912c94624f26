import type { Actor } from '../common/actor';

/**
 * The contract between the vote-session machine and the engine that runs it: a standing-committee
 * satisfaction vote (满意度测评) on N key suggestions. Plain JSON only: snapshots are persisted.
 *
 * The machine never sees a ballot. Who voted and what was voted are stored apart by the meetings domain
 * (secret ballot); the machine only fixes who may vote and moves the session through its life.
 */

export type VoteChoice = 'SATISFIED' | 'BASICALLY_SATISFIED' | 'UNSATISFIED';

export const VOTE_CHOICES: readonly VoteChoice[] = Object.freeze(['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED']);

/** The profile's vote section, fixed when the session is created. */
export interface VoteRules {
  /** An item fails when unsatisfied ballots exceed this share of the ballots returned (default 0.5). */
  failWhenUnsatisfiedExceedsShare: number;
  /** Deputies may be invited to vote beside the members present. */
  inviteDeputies: boolean;
}

export type VoterKind = 'MEMBER' | 'DEPUTY';

export interface EntitledVoter {
  userId: string;
  kind: VoterKind;
}

export interface VoteSessionContext {
  rules: VoteRules;
  /** The standing-committee leader who chairs the session; may open, close and publish it. */
  chairUserId: string | null;
  itemCount: number;
  /** Fixed at OPEN; every entitled voter is issued one ballot per item. */
  memberCount: number;
  deputyCount: number;
  openedAt: string | null;
  closedAt: string | null;
  publishedAt: string | null;
  cancelReason: string | null;
}

export interface VoteSessionInput {
  rules: VoteRules;
  chairUserId: string | null;
  itemCount: number;
}

export interface VoteEventEnvelope {
  actor: Actor;
  at: string;
  due: Record<string, string>;
}

export type VoteSessionEventPayload =
  | { type: 'OPEN'; voters: EntitledVoter[] }
  | { type: 'CLOSE' }
  | { type: 'PUBLISH' }
  | { type: 'CANCEL'; reason: string };

export type VoteSessionEventType = VoteSessionEventPayload['type'];

export type VoteSessionEvent = VoteSessionEventPayload & VoteEventEnvelope;

/** Named side effects; the engine performs them inside the event's transaction. */
export interface VoteSessionEffects {
  /** Writes the entitlement rows and the ballots issued per item. */
  fixEntitledVoters: { voters: EntitledVoter[] };
  /** Seals the tallies into per-item results and tells each item's suggestion whether it passed. */
  recordResults: Record<string, never>;
  /** Gives the announcement (公告) its number. */
  allocateAnnouncementNumber: Record<string, never>;
}
