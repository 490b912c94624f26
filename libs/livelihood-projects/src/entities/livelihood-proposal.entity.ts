import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A project proposed by a member of the public (征集民生实事项目建议). The government office may adopt it into a
 * year's candidate list. The proposer's name and contact are never shown publicly; `clientKey` is a hash of the
 * submitting address, kept only to limit submissions.
 */
@Entity({ name: 'livelihood_proposals' })
@Index('IDX_LIVELIHOOD_PROPOSAL_JURISDICTION', ['jurisdictionId', 'submittedAt'])
@Index('IDX_LIVELIHOOD_PROPOSAL_CLIENT', ['clientKey', 'submittedAt'])
export class LivelihoodProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Column({ name: 'proposer_name', type: 'text', nullable: true })
  proposerName: string | null;

  @Column({ name: 'proposer_contact', type: 'text', nullable: true })
  proposerContact: string | null;

  @Column({ name: 'client_key', type: 'text' })
  clientKey: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  /** A ProposalStatus. */
  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'vote_id', type: 'uuid', nullable: true })
  voteId: string | null;

  @Column({ name: 'candidate_id', type: 'uuid', nullable: true })
  candidateId: string | null;

  @Column({ name: 'adopted_by', type: 'uuid', nullable: true })
  adoptedBy: string | null;

  @Column({ name: 'adopted_at', type: 'timestamptz', nullable: true })
  adoptedAt: Date | null;
}
