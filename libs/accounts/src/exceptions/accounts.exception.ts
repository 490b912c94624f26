import { DomainException } from '@app/persistence';

export enum AccountsExceptionCode {
  AUTH_UNAUTHORIZED = 'AUTH_UNAUTHORIZED',
  DEMO_LOGIN_FORBIDDEN = 'DEMO_LOGIN_FORBIDDEN',
  /** Too many wrong passwords for this name: wait (details.retryAfterSeconds). */
  LOGIN_THROTTLED = 'LOGIN_THROTTLED',
  /** The route needs a capability the caller's roles do not give. */
  CAPABILITY_FORBIDDEN = 'CAPABILITY_FORBIDDEN',
  /** An administrator reset the password: change it first. */
  PASSWORD_CHANGE_REQUIRED_FORBIDDEN = 'PASSWORD_CHANGE_REQUIRED_FORBIDDEN',
  /** An administrator may not take away their own administration or deactivate themselves. */
  SELF_LOCKOUT_FORBIDDEN = 'SELF_LOCKOUT_FORBIDDEN',
  USERNAME_CONFLICT = 'USERNAME_CONFLICT',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  JURISDICTION_NOT_FOUND = 'JURISDICTION_NOT_FOUND',
  SESSION_NOT_FOUND = 'SESSION_NOT_FOUND',
  DEPUTY_NOT_FOUND = 'DEPUTY_NOT_FOUND',
  UNIT_NOT_FOUND = 'UNIT_NOT_FOUND',
  ROLE_FORBIDDEN = 'ROLE_FORBIDDEN',
  /** A roster file with bad rows: details.errors lists each (row, field, reason); nothing was written. */
  INVALID_ROSTER = 'INVALID_ROSTER',
}

export class AccountsException extends DomainException<AccountsExceptionCode> {}
