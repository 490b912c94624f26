import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum DeadlineStatus {
  OPEN = 'OPEN',
  /** Ended by the workflow before it was due. */
  CLOSED = 'CLOSED',
  /** Passed and escalated. */
  PASSED = 'PASSED',
}

/** The source of truth for every timer: Redis only holds jobs that mirror these rows. */
@Entity({ name: 'deadlines' })
@Index('UQ_DEADLINE_OPEN_KEY', ['instanceId', 'key'], { unique: true, where: `status = 'OPEN'` })
@Index('IDX_DEADLINE_OPEN_DUE_AT', ['dueAt'], { where: `status = 'OPEN'` })
@Index('IDX_DEADLINE_INSTANCE_ID', ['instanceId'])
export class DeadlineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ type: 'text' })
  workflow: string;

  @Column({ name: 'instance_id', type: 'uuid' })
  instanceId: string;

  /** The machine's key for it, e.g. REPLY_<unitId>. */
  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  /** Days before dueAt at which reminders go out, fixed when the deadline opens. */
  @Column({ name: 'reminder_offsets_days', type: 'int', array: true })
  reminderOffsetsDays: number[];

  @Column({ type: 'text', default: DeadlineStatus.OPEN })
  status: DeadlineStatus;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
