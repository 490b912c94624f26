import { DomainException } from '@app/persistence';

export enum DisclosureExceptionCode {
  DISCLOSURE_NOT_FOUND = 'DISCLOSURE_NOT_FOUND',
  DISCLOSURE_FORBIDDEN = 'DISCLOSURE_FORBIDDEN',
  REDACTION_NOT_FOUND = 'REDACTION_NOT_FOUND',
}

export class DisclosureException extends DomainException<DisclosureExceptionCode> {}
