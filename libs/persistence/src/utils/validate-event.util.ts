import { invalidInput, validateInput } from './validate-input.util';

/**
 * A workflow event from a client's body: `type` must name one of `dtos` (a 400 listing them otherwise) and the rest
 * must validate against that type's DTO. Returns plain JSON, ready for the engine and the audit trail.
 */
export function validateEventBody<T extends string>(dtos: Partial<Record<T, new () => object>>, body: unknown): { type: T; [field: string]: unknown } {
  const type = (body as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(dtos, type)) {
    throw invalidInput([{ field: 'type', reason: `must be one of ${Object.keys(dtos).join(', ')}` }]);
  }
  const { type: _type, ...payload } = body as Record<string, unknown>;
  const valid = validateInput(dtos[type as T] as new () => object, payload);
  return { type: type as T, ...JSON.parse(JSON.stringify(valid)) };
}
