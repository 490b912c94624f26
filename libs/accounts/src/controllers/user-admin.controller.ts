import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth-user';
import { CurrentUser, RequireCapability } from '../decorators/auth.decorators';
import { CreateUserDto, ListAuditQueryDto, ListUsersQueryDto, ResetPasswordDto, RolesDto } from '../dtos/user-admin.dto';
import { Capability } from '../policy/access.policy';
import { AccountAuditRepository } from '../repositories/account-audit.repository';
import { AccountAuditService } from '../services/account-audit.service';
import { PasswordService } from '../services/password.service';
import { UserAdminService } from '../services/user-admin.service';

const uuid = new ParseUUIDPipe();

/** The jurisdiction administrator: accounts, roles, resets, and the account audit trail. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class UserAdminController {
  constructor(
    private readonly users: UserAdminService,
    private readonly passwords: PasswordService,
    private readonly auditLog: AccountAuditRepository,
    private readonly audit: AccountAuditService,
  ) {}

  @Get('users')
  @RequireCapability(Capability.MANAGE_USERS)
  @ApiOperation({ summary: 'Users of the jurisdiction, active or not' })
  list(@CurrentUser() admin: AuthUser, @Query() query: ListUsersQueryDto) {
    return this.users.list(admin, query);
  }

  @Post('users')
  @RequireCapability(Capability.MANAGE_USERS)
  @ApiOperation({ summary: 'Create a user; a generated temporary password is returned once and must be changed at first sign-in' })
  create(@CurrentUser() admin: AuthUser, @Body() body: CreateUserDto) {
    return this.users.create(admin, body);
  }

  @Get('users/:id')
  @RequireCapability(Capability.MANAGE_USERS)
  get(@CurrentUser() admin: AuthUser, @Param('id', uuid) id: string) {
    return this.users.get(admin, id);
  }

  @Put('users/:id/roles')
  @RequireCapability(Capability.MANAGE_USERS)
  @ApiOperation({ summary: "Replace a user's roles and their deputy / unit link (audited)" })
  setRoles(@CurrentUser() admin: AuthUser, @Param('id', uuid) id: string, @Body() body: RolesDto) {
    return this.users.setRoles(admin, id, body);
  }

  @Post('users/:id/reset-password')
  @HttpCode(200)
  @RequireCapability(Capability.MANAGE_USERS)
  @ApiOperation({ summary: 'Set a temporary password, end all sessions, lift any lock (audited)' })
  resetPassword(@CurrentUser() admin: AuthUser, @Param('id', uuid) id: string, @Body() body: ResetPasswordDto) {
    return this.passwords.reset(admin, id, body);
  }

  @Post('users/:id/deactivate')
  @HttpCode(200)
  @RequireCapability(Capability.MANAGE_USERS)
  deactivate(@CurrentUser() admin: AuthUser, @Param('id', uuid) id: string) {
    return this.users.setActive(admin, id, false);
  }

  @Post('users/:id/reactivate')
  @HttpCode(200)
  @RequireCapability(Capability.MANAGE_USERS)
  reactivate(@CurrentUser() admin: AuthUser, @Param('id', uuid) id: string) {
    return this.users.setActive(admin, id, true);
  }

  @Post('users/:id/unlock')
  @HttpCode(204)
  @RequireCapability(Capability.MANAGE_USERS)
  @ApiOperation({ summary: 'Lift a sign-in lock before it runs out' })
  unlock(@CurrentUser() admin: AuthUser, @Param('id', uuid) id: string) {
    return this.users.unlock(admin, id);
  }

  @Get('audit-events')
  @RequireCapability(Capability.READ_ACCOUNT_AUDIT)
  @ApiOperation({ summary: 'Account events (sign-ins, failures, sign-outs, role changes, resets, imports), newest first' })
  async auditEvents(@CurrentUser() admin: AuthUser, @Query() query: ListAuditQueryDto) {
    const [items, total] = await this.auditLog.list(admin, { eventType: query.eventType, subjectUserId: query.userId, limit: query.limit, offset: query.offset });
    return { items, total };
  }

  @Get('audit-events/verify')
  @RequireCapability(Capability.READ_ACCOUNT_AUDIT)
  @ApiOperation({ summary: "Checks the jurisdiction's account audit hash chain; brokenAt is -1 when it holds" })
  verifyAudit(@CurrentUser() admin: AuthUser) {
    return this.audit.verify(admin);
  }
}
