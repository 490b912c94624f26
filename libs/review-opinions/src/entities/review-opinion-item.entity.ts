import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One review opinion on a list, assigned to one unit; its status and dates are projected from the list's machine. */
@Entity({ name: 'review_opinion_items' })
@Index('UQ_REVIEW_ITEM_LIST_POSITION', ['listId', 'position'], { unique: true })
@Index('IDX_REVIEW_ITEM_UNIT', ['jurisdictionId', 'unitId'])
export class ReviewOpinionItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'list_id', type: 'uuid' })
  listId: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  content: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ type: 'text' })
  status: string;

  /** The deadline set at assignment: "closed on time" is measured against it, not against a rework deadline. */
  @Column({ name: 'first_due_at', type: 'timestamptz', nullable: true })
  firstDueAt: Date | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'report_count', type: 'int', default: 0 })
  reportCount: number;

  @Column({ name: 'sent_back_count', type: 'int', default: 0 })
  sentBackCount: number;

  @Column({ type: 'boolean', default: false })
  overdue: boolean;

  @Column({ name: 'last_report', type: 'text', nullable: true })
  lastReport: string | null;

  @Column({ name: 'last_reported_at', type: 'timestamptz', nullable: true })
  lastReportedAt: Date | null;

  @Column({ name: 'last_send_back_reason', type: 'text', nullable: true })
  lastSendBackReason: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'closed_on_time', type: 'boolean', nullable: true })
  closedOnTime: boolean | null;
}
