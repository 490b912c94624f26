import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/persistence';
import type { AuthUser } from '../auth-user';
import { AccountEventType } from '../constants/account-event.constant';
import { DeputyEntity } from '../entities/deputy.entity';
import { AccountsException, AccountsExceptionCode } from '../exceptions/accounts.exception';
import { AuthSessionRepository } from '../repositories/auth-session.repository';
import { UserRepository } from '../repositories/user.repository';
import { AccountAuditService } from './account-audit.service';

/**
 * Deputies leave and join during a term. Leaving only flips the deputy's flag (and signs out the accounts linked to
 * them): their suggestions, co-signatures, feedback and history stay as they were.
 */
@Injectable()
export class DeputyAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly sessions: AuthSessionRepository,
    private readonly audit: AccountAuditService,
    private readonly clock: Clock,
  ) {}

  async setActive(actor: AuthUser, deputyId: string, { active, reason }: { active: boolean; reason?: string }): Promise<DeputyEntity> {
    return this.dataSource.transaction(async (manager) => {
      const deputy = await this.users.findDeputyForUpdate(manager, actor, deputyId);
      if (!deputy) throw new AccountsException(AccountsExceptionCode.DEPUTY_NOT_FOUND, `Deputy ${deputyId} not found`);
      const at = this.clock.now();
      await this.users.setDeputyActive(manager, actor, deputyId, { active, at });
      const accounts = await this.users.usersOfDeputy(manager, actor, deputyId);
      let sessionsEnded = 0;
      // A deputy who left can no longer act as one; an administrator reactivates the account if they return.
      for (const account of active ? [] : accounts.filter((a) => a.active)) {
        await this.users.update(manager, actor, account.id, { active: false });
        sessionsEnded += await this.sessions.revokeAllOfUser(manager, actor, { userId: account.id, at, reason: AccountEventType.DEPUTY_DEACTIVATED });
      }
      await this.audit.record(manager, {
        jurisdictionId: actor.jurisdictionId, actor, eventType: active ? AccountEventType.DEPUTY_REACTIVATED : AccountEventType.DEPUTY_DEACTIVATED,
        fromState: deputy.active ? 'ACTIVE' : 'INACTIVE', toState: active ? 'ACTIVE' : 'INACTIVE',
        payload: { deputyId, deputyNumber: deputy.deputyNumber, accounts: accounts.map((a) => a.id), sessionsEnded }, reason: reason ?? null, at,
      });
      return { ...deputy, active, deactivatedAt: active ? null : at };
    });
  }
}
