import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A list of review opinions (审议意见清单) adopted on one deliberated report: the office's row beside the workflow
 * instance of the same id. State and dates are projected from the machine after every event.
 */
@Entity({ name: 'review_opinion_lists' })
@Index('IDX_REVIEW_LIST_JURISDICTION_STATE', ['jurisdictionId', 'state'])
export class ReviewOpinionListEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ type: 'text' })
  title: string;

  /** The report the standing committee deliberated (a law-enforcement inspection, a special work report). */
  @Column({ name: 'source_report', type: 'text' })
  sourceReport: string;

  @Column({ name: 'meeting_name', type: 'text' })
  meetingName: string;

  /** The body whose written report on the whole list goes to the standing committee. */
  @Column({ name: 'reporting_unit_id', type: 'uuid' })
  reportingUnitId: string;

  @Column({ type: 'text' })
  state: string;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  @Column({ name: 'report_due_at', type: 'timestamptz', nullable: true })
  reportDueAt: Date | null;

  @Column({ name: 'report_text', type: 'text', nullable: true })
  reportText: string | null;

  @Column({ name: 'report_submitted_at', type: 'timestamptz', nullable: true })
  reportSubmittedAt: Date | null;

  @Column({ name: 'report_overdue', type: 'boolean', default: false })
  reportOverdue: boolean;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'concluded_at', type: 'timestamptz', nullable: true })
  concludedAt: Date | null;
}
