import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { DomainException } from '../exceptions/domain.exception';
import { cacheValidationMetadata } from './validation-metadata-cache.util';

cacheValidationMetadata();

export interface FieldError {
  field: string;
  reason: string;
}

/** Flattens class-validator errors into `{ field: 'a.b[0].c', reason }`, one per broken constraint. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

export function invalidInput(errors: FieldError[]): DomainException {
  const summary = errors.map((error) => `${error.field}: ${error.reason}`).join('; ');
  return new DomainException('INVALID_INPUT', `Invalid input: ${summary}`, { errors });
}

/** Validates a plain body against a DTO class outside the HTTP pipe (event payloads chosen by their type). */
export function validateInput<T extends object>(dto: new () => T, body: unknown): T {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalidInput([{ field: '(body)', reason: 'must be a JSON object' }]);
  }
  const instance = plainToInstance(dto, body);
  // forbidUnknownValues off: payload-less events validate against an empty class.
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false });
  if (errors.length > 0) throw invalidInput(toFieldErrors(errors));
  return instance;
}
