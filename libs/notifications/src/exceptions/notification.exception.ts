import { DomainException } from '@app/persistence';

export enum NotificationExceptionCode {
  NOTIFICATION_NOT_FOUND = 'NOTIFICATION_NOT_FOUND',
}

export class NotificationException extends DomainException<NotificationExceptionCode> {}
