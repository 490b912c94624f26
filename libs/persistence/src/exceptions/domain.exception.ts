/**
 * Base of every domain error. The global filter maps `code` to an HTTP status by its suffix:
 * *_NOT_FOUND → 404, *_FORBIDDEN → 403, *_UNAUTHORIZED → 401, INVALID_* → 400, *_CONFLICT → 409,
 * *_UNAVAILABLE → 503; anything else is a 500 with a generic message.
 */
export class DomainException<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    /** Extra fields for the client, e.g. the events the state accepts instead, or field errors. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
