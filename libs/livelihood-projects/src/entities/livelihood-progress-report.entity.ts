import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A unit's (or the government office's) progress report on one chosen project: the machine keeps only the figures. */
@Entity({ name: 'livelihood_progress_reports' })
@Index('IDX_LIVELIHOOD_PROGRESS_PROJECT', ['voteId', 'projectId', 'reportedAt'])
export class LivelihoodProgressReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'vote_id', type: 'uuid' })
  voteId: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'int' })
  percent: number;

  @Column({ type: 'text' })
  text: string;

  /** Milestones the report marks done. */
  @Column({ name: 'milestone_ids', type: 'uuid', array: true })
  milestoneIds: string[];

  @Column({ name: 'reported_by', type: 'uuid' })
  reportedBy: string;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;
}
