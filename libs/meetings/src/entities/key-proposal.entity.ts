import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum KeyProposalStatus {
  PROPOSED = 'PROPOSED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

/** The office proposes a suggestion as key (重点建议); the council of chairpersons approves or rejects it. */
@Entity({ name: 'key_proposals' })
@Index('IDX_KEY_PROPOSAL_STATUS', ['jurisdictionId', 'status'])
@Index('UQ_KEY_PROPOSAL_PENDING', ['suggestionId'], { unique: true, where: "status = 'PROPOSED'" })
export class KeyProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'suggestion_id', type: 'uuid' })
  suggestionId: string;

  /** Topic (专题) the council groups it under. */
  @Column({ type: 'text', nullable: true })
  topic: string | null;

  @Column({ name: 'supervising_leader_id', type: 'uuid' })
  supervisingLeaderId: string;

  /** A committee that supervises beside (or for) the leader, e.g. 财经工委. */
  @Column({ name: 'supervising_committee', type: 'text', nullable: true })
  supervisingCommittee: string | null;

  @Column({ name: 'leading_leader_id', type: 'uuid' })
  leadingLeaderId: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text' })
  status: KeyProposalStatus;

  @Column({ name: 'proposed_by', type: 'uuid' })
  proposedBy: string;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;
}
