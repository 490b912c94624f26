import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A candidate project on a vote's list; once chosen it is tracked as a project under the same id. The texts are
 * kept here; withdrawal, the vote's outcome and progress are projected from the machine.
 */
@Entity({ name: 'livelihood_candidates' })
@Index('UQ_LIVELIHOOD_CANDIDATE_VOTE_POSITION', ['voteId', 'position'], { unique: true })
@Index('IDX_LIVELIHOOD_CANDIDATE_UNIT', ['jurisdictionId', 'unitId'])
export class LivelihoodCandidateEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'vote_id', type: 'uuid' })
  voteId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  /** The unit responsible for the project if it is chosen. */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  /** A CandidateSource. */
  @Column({ type: 'text' })
  source: string;

  @Column({ name: 'proposal_id', type: 'uuid', nullable: true })
  proposalId: string | null;

  @Column({ type: 'boolean', default: false })
  withdrawn: boolean;

  @Column({ name: 'withdraw_reason', type: 'text', nullable: true })
  withdrawReason: string | null;

  /** After the vote: CHOSEN, RUNOFF (tied at the last place, awaiting a run-off), OUTRANKED or FAILED. */
  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  /** 0–100, as last reported. */
  @Column({ type: 'int', default: 0 })
  progress: number;

  @Column({ name: 'added_by', type: 'uuid' })
  addedBy: string;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt: Date;
}
