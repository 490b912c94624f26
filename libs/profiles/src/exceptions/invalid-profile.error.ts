/**
 * A jurisdiction profile failed validation. `errors` holds one message per bad field, each starting
 * with the field's full dotted path, so an admin can fix them all in one go.
 */
export class InvalidProfileError extends Error {
  readonly code = 'INVALID_PROFILE';

  constructor(readonly errors: string[]) {
    super(`Invalid jurisdiction profile:\n${errors.map((error) => `- ${error}`).join('\n')}`);
    this.name = 'InvalidProfileError';
  }
}
