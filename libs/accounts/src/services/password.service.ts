import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, invalidInput } from '@app/persistence';
import type { AuthUser } from '../auth-user';
import { AccountEventType } from '../constants/account-event.constant';
import { AccountsException, AccountsExceptionCode } from '../exceptions/accounts.exception';
import { AuthSessionRepository } from '../repositories/auth-session.repository';
import { DirectoryRepository } from '../repositories/directory.repository';
import { LoginThrottleRepository } from '../repositories/login-throttle.repository';
import { UserRepository } from '../repositories/user.repository';
import { AccountAuditService } from './account-audit.service';
import { PasswordHasher } from './password-hasher.service';

/** A user's own password change and an administrator's reset. */
@Injectable()
export class PasswordService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectoryRepository,
    private readonly users: UserRepository,
    private readonly sessions: AuthSessionRepository,
    private readonly throttles: LoginThrottleRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AccountAuditService,
    private readonly clock: Clock,
  ) {}

  /** Needs the current password; ends every other session of the user (a thief's included). */
  async change(user: AuthUser, { currentPassword, newPassword }: { currentPassword: string; newPassword: string }): Promise<{ sessionsEnded: number }> {
    const account = await this.users.find(user, user.userId);
    const stored = account && (await this.directory.findUserWithPasswordHash(user, account.username));
    if (!stored?.passwordHash || !(await this.hasher.verify(stored.passwordHash, currentPassword))) {
      throw invalidInput([{ field: 'currentPassword', reason: 'is wrong' }]);
    }
    checkStrength(newPassword, stored.username, 'newPassword');
    if (currentPassword === newPassword) throw invalidInput([{ field: 'newPassword', reason: 'must differ from the current password' }]);
    const passwordHash = await this.hasher.hash(newPassword);
    return this.dataSource.transaction(async (manager) => {
      const at = this.clock.now();
      await this.users.update(manager, user, user.userId, { passwordHash, passwordChangedAt: at, mustChangePassword: false });
      const sessionsEnded = await this.sessions.revokeAllOfUser(manager, user, {
        userId: user.userId, at, reason: AccountEventType.PASSWORD_CHANGED, keepSessionId: user.sessionId ?? null,
      });
      await this.audit.record(manager, {
        jurisdictionId: user.jurisdictionId, actor: user, eventType: AccountEventType.PASSWORD_CHANGED, toState: 'CHANGED',
        payload: { userId: user.userId, sessionsEnded }, at,
      });
      return { sessionsEnded };
    });
  }

  /**
   * Sets a temporary password the user must change at next sign-in, ends all their sessions and lifts any lock.
   * The temporary password is returned once and stored only as a hash.
   */
  async reset(admin: AuthUser, userId: string, { newPassword }: { newPassword?: string }): Promise<{ temporaryPassword: string; sessionsEnded: number }> {
    const temporaryPassword = newPassword ?? generatePassword();
    const passwordHash = await this.hasher.hash(temporaryPassword);
    return this.dataSource.transaction(async (manager) => {
      const target = await this.users.findForUpdate(manager, admin, userId);
      if (!target) throw new AccountsException(AccountsExceptionCode.USER_NOT_FOUND, `User ${userId} not found`);
      checkStrength(temporaryPassword, target.username, 'newPassword');
      const at = this.clock.now();
      await this.users.update(manager, admin, userId, { passwordHash, passwordChangedAt: at, mustChangePassword: true });
      const sessionsEnded = await this.sessions.revokeAllOfUser(manager, admin, { userId, at, reason: AccountEventType.PASSWORD_RESET });
      await this.throttles.clear(manager, admin, target.username);
      await this.audit.record(manager, {
        jurisdictionId: admin.jurisdictionId, actor: admin, eventType: AccountEventType.PASSWORD_RESET, toState: 'RESET',
        payload: { userId, username: target.username, sessionsEnded }, at,
      });
      return { temporaryPassword, sessionsEnded };
    });
  }
}

export function checkStrength(password: string, username: string, field: string): void {
  if (password.toLowerCase().includes(username.toLowerCase())) throw invalidInput([{ field, reason: 'must not contain the username' }]);
  if (new Set(password).size < 4) throw invalidInput([{ field, reason: 'must use at least 4 different characters' }]);
}

/** 16 characters from an alphabet without look-alikes (0/O, 1/l), read out over the phone if need be. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join('');
}
