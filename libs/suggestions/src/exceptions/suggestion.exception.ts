import { DomainException } from '@app/persistence';

export enum SuggestionExceptionCode {
  SUGGESTION_NOT_FOUND = 'SUGGESTION_NOT_FOUND',
  SUGGESTION_FORBIDDEN = 'SUGGESTION_FORBIDDEN',
}

export class SuggestionException extends DomainException<SuggestionExceptionCode> {}
