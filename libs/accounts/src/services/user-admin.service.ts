import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hasRole, Role } from '@app/workflows/common/actor';
import { Clock, invalidInput } from '@app/persistence';
import type { AuthUser } from '../auth-user';
import { AccountEventType } from '../constants/account-event.constant';
import { CreateUserDto, ListUsersQueryDto, RolesDto, UserView } from '../dtos/user-admin.dto';
import { UserEntity } from '../entities/user.entity';
import { AccountsException, AccountsExceptionCode } from '../exceptions/accounts.exception';
import { AuthSessionRepository } from '../repositories/auth-session.repository';
import { DirectoryRepository, TenantScope } from '../repositories/directory.repository';
import { LoginThrottleRepository } from '../repositories/login-throttle.repository';
import { UserRepository } from '../repositories/user.repository';
import { AccountAuditService } from './account-audit.service';
import { PasswordHasher } from './password-hasher.service';
import { checkStrength, generatePassword } from './password.service';

/** The jurisdiction administrator's work on accounts: create, give roles, (de)activate, unlock. Each change is audited. */
@Injectable()
export class UserAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly directory: DirectoryRepository,
    private readonly sessions: AuthSessionRepository,
    private readonly throttles: LoginThrottleRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AccountAuditService,
    private readonly clock: Clock,
  ) {}

  async list(admin: AuthUser, filter: ListUsersQueryDto): Promise<{ items: UserView[]; total: number }> {
    const [rows, total] = await this.users.list(admin, filter);
    return { items: rows.map(toUserView), total };
  }

  async get(admin: AuthUser, id: string): Promise<UserView & { liveSessions: number }> {
    const user = await this.getUserOrFail(admin, id);
    const live = await this.sessions.listLive(admin, id, this.clock.now());
    return { ...toUserView(user), liveSessions: live.length };
  }

  async create(admin: AuthUser, dto: CreateUserDto): Promise<{ user: UserView; temporaryPassword: string | null }> {
    const links = await this.checkRoleLinks(admin, dto);
    const password = dto.password ?? generatePassword();
    checkStrength(password, dto.username, 'password');
    const passwordHash = await this.hasher.hash(password);
    const id = await this.dataSource.transaction(async (manager) => {
      if (await this.users.usernameTaken(manager, admin, dto.username)) {
        throw new AccountsException(AccountsExceptionCode.USERNAME_CONFLICT, `Username ${dto.username} is taken in this jurisdiction`);
      }
      const at = this.clock.now();
      const userId = await this.users.insert(manager, {
        jurisdictionId: admin.jurisdictionId, username: dto.username, displayName: dto.displayName, roles: dto.roles, ...links,
        // Whoever set it, an administrator knows this password: the user chooses their own at first sign-in.
        passwordHash, passwordChangedAt: at, mustChangePassword: true,
      });
      await this.audit.record(manager, {
        jurisdictionId: admin.jurisdictionId, actor: admin, eventType: AccountEventType.USER_CREATED, toState: dto.roles.join(','),
        payload: { userId, username: dto.username, roles: dto.roles, ...links }, at,
      });
      return userId;
    });
    return { user: toUserView(await this.getUserOrFail(admin, id)), temporaryPassword: dto.password ? null : password };
  }

  /** Replaces the user's roles and links; takes effect on their next request (the guard reloads the user). */
  async setRoles(admin: AuthUser, id: string, dto: RolesDto): Promise<UserView> {
    if (id === admin.userId && !dto.roles.includes(Role.ADMIN)) {
      throw new AccountsException(AccountsExceptionCode.SELF_LOCKOUT_FORBIDDEN, 'You cannot remove your own administrator role');
    }
    const links = await this.checkRoleLinks(admin, dto);
    await this.change(admin, id, async (manager, user, at) => {
      await this.users.update(manager, admin, id, { roles: dto.roles, ...links });
      await this.audit.record(manager, {
        jurisdictionId: admin.jurisdictionId, actor: admin, eventType: AccountEventType.ROLES_CHANGED,
        fromState: user.roles.join(','), toState: dto.roles.join(','),
        payload: { userId: id, username: user.username, from: { roles: user.roles, deputyId: user.deputyId, unitId: user.unitId }, to: { roles: dto.roles, ...links } }, at,
      });
    });
    return toUserView(await this.getUserOrFail(admin, id));
  }

  /** Ends every session at once; the account and all it did stay. */
  async setActive(admin: AuthUser, id: string, active: boolean): Promise<UserView> {
    if (id === admin.userId && !active) throw new AccountsException(AccountsExceptionCode.SELF_LOCKOUT_FORBIDDEN, 'You cannot deactivate yourself');
    await this.change(admin, id, async (manager, user, at) => {
      await this.users.update(manager, admin, id, { active });
      const sessionsEnded = active ? 0 : await this.sessions.revokeAllOfUser(manager, admin, { userId: id, at, reason: AccountEventType.USER_DEACTIVATED });
      await this.audit.record(manager, {
        jurisdictionId: admin.jurisdictionId, actor: admin, eventType: active ? AccountEventType.USER_REACTIVATED : AccountEventType.USER_DEACTIVATED,
        fromState: user.active ? 'ACTIVE' : 'INACTIVE', toState: active ? 'ACTIVE' : 'INACTIVE', payload: { userId: id, username: user.username, sessionsEnded }, at,
      });
    });
    return toUserView(await this.getUserOrFail(admin, id));
  }

  /** Lifts a sign-in lock before it runs out (the user called the office). */
  async unlock(admin: AuthUser, id: string): Promise<void> {
    await this.change(admin, id, async (manager, user, at) => {
      await this.throttles.clear(manager, admin, user.username);
      await this.audit.record(manager, {
        jurisdictionId: admin.jurisdictionId, actor: admin, eventType: AccountEventType.USER_UNLOCKED, toState: 'UNLOCKED',
        payload: { userId: id, username: user.username }, at,
      });
    });
  }

  private async change(admin: AuthUser, id: string, work: (manager: EntityManager, user: UserEntity, at: Date) => Promise<void>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findForUpdate(manager, admin, id);
      if (!user) throw new AccountsException(AccountsExceptionCode.USER_NOT_FOUND, `User ${id} not found`);
      await work(manager, user, this.clock.now());
    });
  }

  private async getUserOrFail(scope: TenantScope, id: string): Promise<UserEntity> {
    const user = await this.users.find(scope, id);
    if (!user) throw new AccountsException(AccountsExceptionCode.USER_NOT_FOUND, `User ${id} not found`);
    return user;
  }

  /** A deputy account names its deputy and a unit account its unit, both in this jurisdiction; nothing else is linked. */
  private async checkRoleLinks(scope: TenantScope, dto: RolesDto): Promise<{ deputyId: string | null; unitId: string | null }> {
    const actor = { userId: '', roles: dto.roles, deputyId: null, unitId: null };
    const isDeputy = hasRole(actor, Role.DEPUTY);
    const isUnit = hasRole(actor, Role.UNIT_STAFF, Role.UNIT_HEAD);
    const errors = [];
    if (isDeputy && !dto.deputyId) errors.push({ field: 'deputyId', reason: 'is required with the DEPUTY role' });
    if (!isDeputy && dto.deputyId) errors.push({ field: 'deputyId', reason: 'only a DEPUTY account is linked to a deputy' });
    if (isUnit && !dto.unitId) errors.push({ field: 'unitId', reason: 'is required with UNIT_STAFF or UNIT_HEAD' });
    if (!isUnit && dto.unitId) errors.push({ field: 'unitId', reason: 'only a unit account is linked to a unit' });
    if (isDeputy && dto.deputyId && !(await this.directory.findDeputies(scope, [dto.deputyId]))[0]?.active) {
      errors.push({ field: 'deputyId', reason: 'no such active deputy in this jurisdiction' });
    }
    if (isUnit && dto.unitId && !(await this.directory.findUnits(scope, [dto.unitId]))[0]?.active) {
      errors.push({ field: 'unitId', reason: 'no such active unit in this jurisdiction' });
    }
    if (errors.length > 0) throw invalidInput(errors);
    return { deputyId: isDeputy ? (dto.deputyId as string) : null, unitId: isUnit ? (dto.unitId as string) : null };
  }
}

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, deputyId: user.deputyId, unitId: user.unitId,
    active: user.active, mustChangePassword: user.mustChangePassword, passwordChangedAt: user.passwordChangedAt, createdAt: user.createdAt,
  };
}
