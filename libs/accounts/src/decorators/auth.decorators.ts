import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { AuthUser } from '../auth-user';
import type { Capability } from '../policy/access.policy';

export const PUBLIC_ROUTE = 'jianyi:public-route';
export const REQUIRED_CAPABILITY = 'jianyi:required-capability';
export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'jianyi:allowed-before-password-change';

/** OpenAPI extensions that publish each route's access rule, so clients and the authorization matrix test read it. */
export const OPENAPI_PUBLIC = 'x-public';
export const OPENAPI_CAPABILITY = 'x-required-capability';

/** Opens a route to anonymous callers (health, docs, login, the public portal). */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(OPENAPI_PUBLIC, true));

/** The route needs this capability of the access policy; the global guard answers 403 without it. */
export const RequireCapability = (capability: Capability): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(REQUIRED_CAPABILITY, capability), ApiExtension(OPENAPI_CAPABILITY, capability));

/** Reachable while an administrator's reset still waits for the user's own new password (me, change password, sign out). */
export const AllowedBeforePasswordChange = (): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);

/** The authenticated user the guard attached to the request. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
