import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ThrottleState } from '../utils/login-throttle.util';
import type { TenantScope } from './directory.repository';

/** Failed-sign-in counters, shared by every api instance through PostgreSQL. */
@Injectable()
export class LoginThrottleRepository {
  /** Locks the name's counter for this transaction, so concurrent guesses at one name are checked one at a time. */
  async lock(manager: EntityManager, scope: TenantScope, username: string): Promise<ThrottleState> {
    await manager.query('INSERT INTO login_throttles (jurisdiction_id, username) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      scope.jurisdictionId, username,
    ]);
    const rows: Array<{ failed_count: number; last_failed_at: Date | null; blocked_until: Date | null; locked: boolean }> = await manager.query(
      'SELECT failed_count, last_failed_at, blocked_until, locked FROM login_throttles WHERE jurisdiction_id = $1 AND username = $2 FOR UPDATE',
      [scope.jurisdictionId, username],
    );
    const row = rows[0];
    return { failedCount: row.failed_count, lastFailedAt: row.last_failed_at, blockedUntil: row.blocked_until, locked: row.locked };
  }

  async save(manager: EntityManager, scope: TenantScope, username: string, state: ThrottleState): Promise<void> {
    await manager.query(
      `UPDATE login_throttles SET failed_count = $3, last_failed_at = $4, blocked_until = $5, locked = $6
        WHERE jurisdiction_id = $1 AND username = $2`,
      [scope.jurisdictionId, username, state.failedCount, state.lastFailedAt, state.blockedUntil, state.locked],
    );
  }

  async clear(manager: EntityManager, scope: TenantScope, username: string): Promise<void> {
    await manager.query('DELETE FROM login_throttles WHERE jurisdiction_id = $1 AND username = $2', [scope.jurisdictionId, username]);
  }
}
