import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app inbox entry for one user. */
@Entity({ name: 'notifications' })
@Index('UQ_NOTIFICATION_OUTBOX_USER', ['outboxId', 'userId'], { unique: true })
@Index('IDX_NOTIFICATION_USER_CREATED', ['userId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'outbox_id', type: 'uuid' })
  outboxId: string;

  @Column({ type: 'text' })
  template: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'instance_id', type: 'uuid', nullable: true })
  instanceId: string | null;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
