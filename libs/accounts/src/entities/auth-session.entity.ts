import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One sign-in. Access tokens carry its id (`sid`) and the guard checks it on every request, so revoking the row ends
 * the session at once. Only hashes of refresh tokens are stored; each refresh replaces the hash (rotation) and keeps
 * the previous one, so a replayed old token is recognised as theft and revokes the session.
 */
@Entity({ name: 'auth_sessions' })
@Index('UQ_AUTH_SESSION_REFRESH_HASH', ['refreshHash'], { unique: true })
@Index('IDX_AUTH_SESSION_PREVIOUS_REFRESH_HASH', ['previousRefreshHash'])
@Index('IDX_AUTH_SESSION_USER_ID', ['userId'])
export class AuthSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'refresh_hash', type: 'text' })
  refreshHash: string;

  @Column({ name: 'previous_refresh_hash', type: 'text', nullable: true })
  previousRefreshHash: string | null;

  /** How the session began: PASSWORD or DEMO. */
  @Column({ type: 'text' })
  method: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'refreshed_at', type: 'timestamptz', nullable: true })
  refreshedAt: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoke_reason', type: 'text', nullable: true })
  revokeReason: string | null;
}
