import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, Clock, type AppConfig } from '@app/persistence';
import type { AuthUser } from '../auth-user';
import { AccountEventType } from '../constants/account-event.constant';
import { REFRESH_TOKEN_TTL_SECONDS, SESSION_MAX_AGE_SECONDS } from '../constants/auth-limits.constant';
import { UserEntity } from '../entities/user.entity';
import { AccountsException, AccountsExceptionCode } from '../exceptions/accounts.exception';
import { AuthSessionRepository, LiveUser } from '../repositories/auth-session.repository';
import { DirectoryRepository, TenantScope } from '../repositories/directory.repository';
import { LoginThrottleRepository } from '../repositories/login-throttle.repository';
import { afterFailure, secondsBlocked } from '../utils/login-throttle.util';
import { AccountAuditService } from './account-audit.service';
import { PasswordHasher } from './password-hasher.service';
import { hashRefreshToken, IssuedToken, TokenService } from './token.service';

export type { IssuedToken } from './token.service';

const ANONYMOUS = { userId: 'anonymous', roles: [] as string[] };
const refused = () => new AccountsException(AccountsExceptionCode.AUTH_UNAUTHORIZED, 'Wrong jurisdiction, username or password');

/**
 * Sign-in, refresh, sign-out and the per-request check. Sessions live in PostgreSQL: the access token names its
 * session and the guard checks it is live, so signing out or a revocation takes effect on the very next request.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: DirectoryRepository,
    private readonly sessions: AuthSessionRepository,
    private readonly throttles: LoginThrottleRepository,
    private readonly tokens: TokenService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AccountAuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Password sign-in. Failures count against the name typed; past the limit the name waits, then is locked. */
  async login({ jurisdictionCode, username, password }: { jurisdictionCode: string; username: string; password: string }): Promise<IssuedToken> {
    const jurisdiction = await this.directory.findJurisdictionByCode(jurisdictionCode);
    if (!jurisdiction) {
      await this.hasher.verifyNothing(password);
      throw refused();
    }
    const scope = { jurisdictionId: jurisdiction.id };
    // The failure must be recorded even though the answer is an error, so the outcome leaves the transaction as data.
    const outcome = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const throttle = await this.throttles.lock(manager, scope, username);
      const wait = secondsBlocked(throttle, now);
      if (wait > 0) {
        await this.recordFailure(manager, scope, { username, at: now, reason: throttle.locked ? 'LOCKED' : 'THROTTLED' });
        return { kind: 'blocked' as const, wait, locked: throttle.locked };
      }
      const user = await this.directory.findUserWithPasswordHash(scope, username);
      const ok = user?.passwordHash ? await this.hasher.verify(user.passwordHash, password) : await this.hasher.verifyNothing(password);
      if (!user || !ok) {
        const next = afterFailure(throttle, now);
        await this.throttles.save(manager, scope, username, next);
        await this.recordFailure(manager, scope, { username, at: now, reason: 'WRONG_PASSWORD', failedCount: next.failedCount, locked: next.locked });
        return { kind: 'refused' as const };
      }
      await this.throttles.clear(manager, scope, username);
      return { kind: 'ok' as const, issued: await this.startSession(manager, user, 'PASSWORD') };
    });
    if (outcome.kind === 'ok') return outcome.issued;
    if (outcome.kind === 'refused') throw refused();
    throw new AccountsException(
      AccountsExceptionCode.LOGIN_THROTTLED,
      outcome.locked ? `Too many wrong passwords: this account is locked; try again in ${outcome.wait} s` : `Too many wrong passwords: wait ${outcome.wait} s`,
      { retryAfterSeconds: outcome.wait },
    );
  }

  /** Demo mode only: signs in as any demo user without a password. */
  async demoLogin({ jurisdictionCode, username }: { jurisdictionCode: string; username: string }): Promise<IssuedToken> {
    if (!this.config.DEMO_MODE) {
      throw new AccountsException(AccountsExceptionCode.DEMO_LOGIN_FORBIDDEN, 'Demo login is only available in demo mode');
    }
    const jurisdiction = await this.directory.findJurisdictionByCode(jurisdictionCode);
    const user = jurisdiction && (await this.directory.findUserByUsername({ jurisdictionId: jurisdiction.id }, username));
    if (!user) throw new AccountsException(AccountsExceptionCode.AUTH_UNAUTHORIZED, 'Unknown jurisdiction or user');
    return this.dataSource.transaction((manager) => this.startSession(manager, user, 'DEMO'));
  }

  /** Swaps a refresh token for a new pair. An already-used token means it was copied: the session is revoked. */
  async refresh(refreshToken: string): Promise<IssuedToken> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const found = await this.sessions.findByRefreshHashForUpdate(manager, hashRefreshToken(refreshToken));
      if (!found || found.session.revokedAt || found.session.expiresAt <= now) return null;
      const { session } = found;
      const scope = { jurisdictionId: session.jurisdictionId };
      if (!found.current) {
        await this.sessions.revoke(manager, scope, { id: session.id, at: now, reason: AccountEventType.REFRESH_TOKEN_REUSED });
        await this.audit.record(manager, {
          jurisdictionId: session.jurisdictionId, actor: ANONYMOUS, eventType: AccountEventType.REFRESH_TOKEN_REUSED,
          toState: 'REVOKED', payload: { userId: session.userId, sessionId: session.id }, at: now,
        });
        return null;
      }
      const user = await this.directory.findUser(scope, session.userId);
      if (!user) return null;
      const next = this.tokens.newRefreshToken();
      const hardEnd = session.createdAt.getTime() + SESSION_MAX_AGE_SECONDS * 1000;
      const expiresAt = new Date(Math.min(now.getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000, hardEnd));
      if (!(await this.sessions.rotate(manager, { id: session.id, fromHash: session.refreshHash, toHash: next.hash, at: now, expiresAt }))) return null;
      return this.tokens.issue(toAuthUser(user), session.id, next.token);
    });
    if (!outcome) throw new AccountsException(AccountsExceptionCode.AUTH_UNAUTHORIZED, 'Refresh token invalid, expired or revoked: sign in again');
    return outcome;
  }

  /** Ends the caller's session (or all of their sessions); their access tokens stop working at once. */
  async logout(user: AuthUser, { everywhere = false }: { everywhere?: boolean } = {}): Promise<{ sessionsEnded: number }> {
    return this.dataSource.transaction(async (manager) => {
      const at = this.clock.now();
      const sessionsEnded = everywhere
        ? await this.sessions.revokeAllOfUser(manager, user, { userId: user.userId, at, reason: AccountEventType.LOGOUT })
        : Number(user.sessionId ? await this.sessions.revoke(manager, user, { id: user.sessionId, at, reason: AccountEventType.LOGOUT }) : false);
      await this.audit.record(manager, {
        jurisdictionId: user.jurisdictionId, actor: user, eventType: AccountEventType.LOGOUT, toState: 'SIGNED_OUT',
        payload: { userId: user.userId, sessionId: user.sessionId ?? null, everywhere, sessionsEnded }, at,
      });
      return { sessionsEnded };
    });
  }

  /** Verifies a bearer token, then that its session is live and its user active, in one query. */
  async authenticate(token: string): Promise<AuthUser> {
    const claims = await this.tokens.verify(token);
    const user = await this.sessions.findLiveUser({ jurisdictionId: claims.jur }, { sessionId: claims.sid, userId: claims.sub });
    if (!user) throw new AccountsException(AccountsExceptionCode.AUTH_UNAUTHORIZED, 'Session ended or user no longer active: sign in again');
    return { ...toAuthUser(user), sessionId: claims.sid };
  }

  private async startSession(manager: EntityManager, user: UserEntity, method: 'PASSWORD' | 'DEMO'): Promise<IssuedToken> {
    const now = this.clock.now();
    const refresh = this.tokens.newRefreshToken();
    const sessionId = await this.sessions.create(manager, {
      jurisdictionId: user.jurisdictionId, userId: user.id, refreshHash: refresh.hash, method, createdAt: now,
      expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000),
    });
    await this.audit.record(manager, {
      jurisdictionId: user.jurisdictionId, actor: { userId: user.id, roles: user.roles }, eventType: AccountEventType.LOGIN,
      toState: 'SIGNED_IN', payload: { userId: user.id, username: user.username, sessionId, method }, at: now,
    });
    return this.tokens.issue(toAuthUser(user), sessionId, refresh.token);
  }

  private recordFailure(
    manager: EntityManager,
    scope: TenantScope,
    { username, at, reason, failedCount, locked }: { username: string; at: Date; reason: string; failedCount?: number; locked?: boolean },
  ): Promise<void> {
    return this.audit.record(manager, {
      jurisdictionId: scope.jurisdictionId, actor: ANONYMOUS, eventType: AccountEventType.LOGIN_FAILED, toState: 'REFUSED',
      payload: { username, failedCount: failedCount ?? null, locked: locked ?? null }, reason, at,
    });
  }
}

export function toAuthUser(user: LiveUser): AuthUser {
  return {
    userId: user.id,
    jurisdictionId: user.jurisdictionId,
    displayName: user.displayName,
    roles: user.roles,
    deputyId: user.deputyId,
    unitId: user.unitId,
    mustChangePassword: user.mustChangePassword ?? false,
  };
}
