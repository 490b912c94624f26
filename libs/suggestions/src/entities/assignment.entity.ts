import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One unit's part in one handling round, projected from the workflow context. */
@Entity({ name: 'assignments' })
@Index('IDX_ASSIGNMENT_UNIT', ['unitId', 'replyDueAt'])
export class AssignmentEntity {
  @PrimaryColumn({ name: 'suggestion_id', type: 'uuid' })
  suggestionId: string;

  @PrimaryColumn({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @PrimaryColumn({ type: 'int' })
  round: number;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ type: 'text' })
  role: string;

  @Column({ type: 'boolean' })
  acknowledged: boolean;

  @Column({ name: 'adjustment_requested', type: 'boolean' })
  adjustmentRequested: boolean;

  @Column({ type: 'int' })
  contacts: number;

  @Column({ name: 'opinion_given', type: 'boolean' })
  opinionGiven: boolean;

  @Column({ name: 'reply_due_at', type: 'timestamptz', nullable: true })
  replyDueAt: Date | null;

  @Column({ type: 'boolean' })
  overdue: boolean;

  @Column({ type: 'text', nullable: true })
  classification: string | null;

  /** False once the unit was replaced after an approved adjustment request. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt: Date;
}
