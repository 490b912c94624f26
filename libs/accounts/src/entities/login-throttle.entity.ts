import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per (jurisdiction, username), kept in PostgreSQL so every api instance sees the same count.
 * Keyed by the name typed, not the user, so unknown names are throttled alike and reveal nothing.
 */
@Entity({ name: 'login_throttles' })
export class LoginThrottleEntity {
  @PrimaryColumn({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @PrimaryColumn({ type: 'text' })
  username: string;

  @Column({ name: 'failed_count', type: 'int', default: 0 })
  failedCount: number;

  @Column({ name: 'last_failed_at', type: 'timestamptz', nullable: true })
  lastFailedAt: Date | null;

  /** No attempt is checked before this instant (a short delay while throttled, a long one once locked). */
  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;

  @Column({ type: 'boolean', default: false })
  locked: boolean;
}
