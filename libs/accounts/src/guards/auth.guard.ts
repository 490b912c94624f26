import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthUser } from '../auth-user';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, PUBLIC_ROUTE, REQUIRED_CAPABILITY } from '../decorators/auth.decorators';
import { AccountsException, AccountsExceptionCode } from '../exceptions/accounts.exception';
import { can, Capability } from '../policy/access.policy';
import { AuthService } from '../services/auth.service';

/**
 * Global guard: every route needs a live session unless marked @Public(), then the capability the route declares.
 * Never trusts a plain header: the bearer token is verified and its session looked up on every request.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new AccountsException(AccountsExceptionCode.AUTH_UNAUTHORIZED, 'Sign in first: send Authorization: Bearer <token>');
    }
    const user = await this.auth.authenticate(token);
    request.user = user;
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, targets)) {
      throw new AccountsException(AccountsExceptionCode.PASSWORD_CHANGE_REQUIRED_FORBIDDEN, 'Choose a new password first (POST /api/auth/password)');
    }
    const capability = this.reflector.getAllAndOverride<Capability | undefined>(REQUIRED_CAPABILITY, targets);
    if (capability && !can(user, capability)) {
      throw new AccountsException(AccountsExceptionCode.CAPABILITY_FORBIDDEN, `Your roles do not allow this (${capability})`, { capability });
    }
    return true;
  }
}
