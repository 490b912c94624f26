import { invalidInput } from '@app/persistence';

/** Keys are stored in a primary-key index, whose entries PostgreSQL caps at about 2.7 kB. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;
const KEY_PATTERN = new RegExp(`^[\\x20-\\x7e]{1,${IDEMPOTENCY_KEY_MAX_LENGTH}}$`);

/** Reads an `Idempotency-Key` header: absent or empty is none; anything but 1–255 printable ASCII characters is a 400. */
export function parseIdempotencyKey(value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
    throw invalidInput([{ field: 'Idempotency-Key', reason: `must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} printable ASCII characters` }]);
  }
  return value;
}
