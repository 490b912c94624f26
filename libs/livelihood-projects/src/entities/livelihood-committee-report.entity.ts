import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The government's periodic report on all chosen projects to the standing committee, with the deadline it met or missed. */
@Entity({ name: 'livelihood_committee_reports' })
@Index('IDX_LIVELIHOOD_COMMITTEE_REPORT_VOTE', ['voteId', 'reportedAt'])
export class LivelihoodCommitteeReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'vote_id', type: 'uuid' })
  voteId: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'reported_by', type: 'uuid' })
  reportedBy: string;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;

  /** The report's deadline when it was made; null when that deadline had already passed (escalated). */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'on_time', type: 'boolean' })
  onTime: boolean;
}
