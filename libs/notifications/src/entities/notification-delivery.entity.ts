import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { NotificationChannel } from './notification-preference.entity';

export enum DeliveryStatus {
  /** Waiting for its send job. */
  PENDING = 'PENDING',
  /** Claimed by a send job; a job redelivered after a worker died finds it here and re-sends under the same key. */
  SENDING = 'SENDING',
  SENT = 'SENT',
  /** Gave up after NOTIFY_MAX_ATTEMPTS; shown to the office. */
  FAILED = 'FAILED',
  /** Held for the user's daily digest. */
  DIGEST = 'DIGEST',
  /** Went out inside a digest (digest_id). */
  BUNDLED = 'BUNDLED',
}

/** One message on one external channel to one user; the unique key makes each (notification, user, channel) exist once. */
@Entity({ name: 'notification_deliveries' })
@Index('UQ_NOTIFICATION_DELIVERY_KEY', ['deliveryKey'], { unique: true })
@Index('IDX_NOTIFICATION_DELIVERY_STATUS', ['status', 'createdAt'])
@Index('IDX_NOTIFICATION_DELIVERY_JURISDICTION_STATUS', ['jurisdictionId', 'status'])
@Index('IDX_NOTIFICATION_DELIVERY_USER_STATUS', ['userId', 'channel', 'status'])
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  channel: NotificationChannel;

  /** `${outboxId}_${userId}_${channel}`, or `digest_${userId}_${channel}_${localDate}`; also the idempotency key sent to the provider. */
  @Column({ name: 'delivery_key', type: 'text' })
  deliveryKey: string;

  @Column({ name: 'outbox_id', type: 'uuid', nullable: true })
  outboxId: string | null;

  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  /** Template parameters for the SMS gateway. */
  @Column({ type: 'jsonb' })
  params: Record<string, string>;

  @Column({ type: 'text' })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'digest_id', type: 'uuid', nullable: true })
  digestId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt: Date | null;
}
