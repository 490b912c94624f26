import { DomainException } from '@app/persistence';

export enum ReviewOpinionsExceptionCode {
  REVIEW_LIST_NOT_FOUND = 'REVIEW_LIST_NOT_FOUND',
  REVIEW_LIST_FORBIDDEN = 'REVIEW_LIST_FORBIDDEN',
}

export class ReviewOpinionsException extends DomainException<ReviewOpinionsExceptionCode> {}
