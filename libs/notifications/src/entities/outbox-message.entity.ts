import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum OutboxStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
}

export interface OutboxRecipient {
  kind: 'DEPUTY' | 'UNIT' | 'OFFICE' | 'LEADER' | 'USER';
  id?: string;
}

/** A notification written in the same transaction as the change that caused it, delivered after commit. */
@Entity({ name: 'outbox_messages' })
@Index('UQ_OUTBOX_DEDUPE_KEY', ['dedupeKey'], { unique: true })
@Index('IDX_OUTBOX_PENDING', ['createdAt'], { where: `status = 'PENDING'` })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'instance_id', type: 'uuid', nullable: true })
  instanceId: string | null;

  @Column({ type: 'text' })
  template: string;

  @Column({ type: 'jsonb' })
  recipients: OutboxRecipient[];

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  /** Derived from what caused it (event seq, deadline firing), so a cause writes one message. */
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  @Column({ type: 'text', default: OutboxStatus.PENDING })
  status: OutboxStatus;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}
