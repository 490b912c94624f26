import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedAuditFields {
  instanceId: string | null;
  seq: number;
  eventType: string;
  actorUserId: string;
  fromState: string | null;
  toState: string;
  payload: unknown;
  at: string;
}

/** JSON with sorted keys, so the same event always hashes the same whatever order its fields were built in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Chains an audit event to its predecessor: changing or dropping any earlier event breaks every later hash. */
export function auditHash(prevHash: string, fields: HashedAuditFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}

/** Index of the first event whose hash does not follow from its predecessor, or -1 when the chain holds. */
export function findBrokenLink(events: Array<HashedAuditFields & { prevHash: string; hash: string }>): number {
  let prev = GENESIS_HASH;
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    const { prevHash, hash, ...fields } = event;
    if (prevHash !== prev || auditHash(prev, fields) !== hash) return index;
    prev = hash;
  }
  return -1;
}
