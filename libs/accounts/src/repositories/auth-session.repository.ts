import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { preparedRows, updatedRows } from '@app/persistence';
import { AuthSessionEntity } from '../entities/auth-session.entity';
import { UserEntity } from '../entities/user.entity';
import type { TenantScope } from './directory.repository';

/** What a request needs of its signed-in user. */
export type LiveUser = Pick<UserEntity, 'id' | 'jurisdictionId' | 'displayName' | 'roles' | 'deputyId' | 'unitId' | 'mustChangePassword'>;

/** Sessions and the user behind them. Every lookup is scoped to a jurisdiction. */
@Injectable()
export class AuthSessionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(manager: EntityManager, session: Pick<AuthSessionEntity, 'jurisdictionId' | 'userId' | 'refreshHash' | 'method' | 'expiresAt' | 'createdAt'>): Promise<string> {
    const result = await manager.getRepository(AuthSessionEntity).insert(session);
    return (result.identifiers[0] as { id: string }).id;
  }

  /**
   * The active user of an unrevoked session, in one query: the guard's check on every request. The access token's own
   * expiry bounds its life; the session's expiry bounds only refreshing, so it is not checked here. Plain SQL: a query
   * builder and entity hydration here cost more than the query itself, on every request; prepared, so not planned anew.
   */
  async findLiveUser(scope: TenantScope, { sessionId, userId }: { sessionId: string; userId: string }): Promise<LiveUser | null> {
    const rows = await preparedRows<LiveUser>(
      this.dataSource.manager,
      `SELECT u.id, u.jurisdiction_id AS "jurisdictionId", u.display_name AS "displayName", u.roles, u.deputy_id AS "deputyId",
              u.unit_id AS "unitId", u.must_change_password AS "mustChangePassword"
         FROM users u JOIN auth_sessions s ON s.user_id = u.id
        WHERE s.id = $1 AND u.id = $2 AND u.jurisdiction_id = $3 AND s.jurisdiction_id = $3 AND u.active AND s.revoked_at IS NULL`,
      [sessionId, userId, scope.jurisdictionId],
    );
    return rows[0] ?? null;
  }

  /** The session a refresh token belongs to, by its current or its previous hash, locked for the rotation. */
  async findByRefreshHashForUpdate(manager: EntityManager, hash: string): Promise<{ session: AuthSessionEntity; current: boolean } | null> {
    const session = await manager
      .getRepository(AuthSessionEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.refresh_hash = :hash OR s.previous_refresh_hash = :hash', { hash })
      .getOne();
    return session ? { session, current: session.refreshHash === hash } : null;
  }

  async rotate(manager: EntityManager, { id, fromHash, toHash, at, expiresAt }: { id: string; fromHash: string; toHash: string; at: Date; expiresAt: Date }): Promise<boolean> {
    const rows = updatedRows(
      await manager.query(
        `UPDATE auth_sessions SET previous_refresh_hash = refresh_hash, refresh_hash = $3, refreshed_at = $4, expires_at = $5
          WHERE id = $1 AND refresh_hash = $2 AND revoked_at IS NULL RETURNING id`,
        [id, fromHash, toHash, at, expiresAt],
      ),
    );
    return rows.length === 1;
  }

  async revoke(manager: EntityManager, scope: TenantScope, { id, at, reason }: { id: string; at: Date; reason: string }): Promise<boolean> {
    const rows = updatedRows(
      await manager.query(
        `UPDATE auth_sessions SET revoked_at = $3, revoke_reason = $4 WHERE id = $1 AND jurisdiction_id = $2 AND revoked_at IS NULL RETURNING id`,
        [id, scope.jurisdictionId, at, reason],
      ),
    );
    return rows.length === 1;
  }

  /** Ends every live session of a user except `keepSessionId`; returns how many ended. */
  async revokeAllOfUser(
    manager: EntityManager,
    scope: TenantScope,
    { userId, at, reason, keepSessionId = null }: { userId: string; at: Date; reason: string; keepSessionId?: string | null },
  ): Promise<number> {
    const rows = updatedRows(
      await manager.query(
        `UPDATE auth_sessions SET revoked_at = $3, revoke_reason = $4
          WHERE user_id = $1 AND jurisdiction_id = $2 AND revoked_at IS NULL AND ($5::uuid IS NULL OR id <> $5::uuid) RETURNING id`,
        [userId, scope.jurisdictionId, at, reason, keepSessionId],
      ),
    );
    return rows.length;
  }

  listLive(scope: TenantScope, userId: string, now: Date): Promise<AuthSessionEntity[]> {
    return this.dataSource
      .getRepository(AuthSessionEntity)
      .createQueryBuilder('s')
      .where('s.user_id = :userId AND s.jurisdiction_id = :jurisdictionId AND s.revoked_at IS NULL AND s.expires_at > :now', {
        userId, jurisdictionId: scope.jurisdictionId, now,
      })
      .orderBy('s.created_at', 'DESC')
      .getMany();
  }
}
