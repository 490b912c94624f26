import { DomainException } from '@app/persistence';

export enum AccountsExceptionCode {
  AUTH_UNAUTHORIZED = 'AUTH_UNAUTHORIZED',
  DEMO_LOGIN_FORBIDDEN = 'DEMO_LOGIN_FORBIDDEN',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  JURISDICTION_NOT_FOUND = 'JURISDICTION_NOT_FOUND',
  SESSION_NOT_FOUND = 'SESSION_NOT_FOUND',
  DEPUTY_NOT_FOUND = 'DEPUTY_NOT_FOUND',
  UNIT_NOT_FOUND = 'UNIT_NOT_FOUND',
  ROLE_FORBIDDEN = 'ROLE_FORBIDDEN',
}

export class AccountsException extends DomainException<AccountsExceptionCode> {}
