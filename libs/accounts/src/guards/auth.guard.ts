import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE } from '../decorators/auth.decorators';
import { AccountsException, AccountsExceptionCode } from '../exceptions/accounts.exception';
import { AuthService } from '../services/auth.service';

/** Global guard: every route needs a valid bearer token unless marked @Public(). Never trusts a plain header. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: unknown }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new AccountsException(AccountsExceptionCode.AUTH_UNAUTHORIZED, 'Sign in first: send Authorization: Bearer <token>');
    }
    request.user = await this.auth.authenticate(token);
    return true;
  }
}
