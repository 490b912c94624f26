import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One applied event. Each instance's events form a hash chain, so a rewritten history shows. */
@Entity({ name: 'audit_events' })
@Index('UQ_AUDIT_EVENT_INSTANCE_SEQ', ['instanceId', 'seq'], { unique: true })
@Index('IDX_AUDIT_EVENT_JURISDICTION_AT', ['jurisdictionId', 'at'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ type: 'text' })
  workflow: string;

  /** Null for events outside any workflow instance (logins, role changes). */
  @Column({ name: 'instance_id', type: 'uuid', nullable: true })
  instanceId: string | null;

  @Column({ type: 'int' })
  seq: number;

  @Column({ name: 'actor_user_id', type: 'text' })
  actorUserId: string;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles: string[];

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ name: 'from_state', type: 'text', nullable: true })
  fromState: string | null;

  @Column({ name: 'to_state', type: 'text' })
  toState: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash: string;

  @Column({ type: 'text' })
  hash: string;
}
