import { DomainException } from '@app/persistence';

export enum AttachmentExceptionCode {
  ATTACHMENT_NOT_FOUND = 'ATTACHMENT_NOT_FOUND',
  /** Only whoever may submit the draft (its lead deputy) adds or removes its files. */
  ATTACHMENT_FORBIDDEN = 'ATTACHMENT_FORBIDDEN',
  /** The suggestion has left the draft: its files can be read, not changed. */
  ATTACHMENT_LOCKED_CONFLICT = 'ATTACHMENT_LOCKED_CONFLICT',
}

export class AttachmentException extends DomainException<AttachmentExceptionCode> {}
