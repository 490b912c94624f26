import { DomainException } from '@app/persistence';

export enum WorkflowExceptionCode {
  INSTANCE_NOT_FOUND = 'INSTANCE_NOT_FOUND',
  EVENT_FORBIDDEN = 'EVENT_FORBIDDEN',
  /** The state does not take this event at all; details.allowedEvents lists what it takes. */
  EVENT_NOT_ACCEPTED_CONFLICT = 'EVENT_NOT_ACCEPTED_CONFLICT',
  /** The state takes this event but a rule refused it; details.reason says which. */
  EVENT_REFUSED_CONFLICT = 'EVENT_REFUSED_CONFLICT',
  /** Another event changed the instance first. */
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  IDEMPOTENCY_KEY_CONFLICT = 'IDEMPOTENCY_KEY_CONFLICT',
  INVALID_EVENT = 'INVALID_EVENT',
}

export class WorkflowException extends DomainException<WorkflowExceptionCode> {}
