import { auditHash, canonicalJson, findBrokenLink, GENESIS_HASH, HashedAuditFields } from './audit-hash.util';

function chain(count: number) {
  const events: Array<HashedAuditFields & { prevHash: string; hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const fields: HashedAuditFields = {
      instanceId: 'i', seq, eventType: 'E', actorUserId: 'u', fromState: null, toState: 's', payload: { n: seq }, at: 'now',
    };
    const hash = auditHash(prev, fields);
    events.push({ ...fields, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('orders keys canonically', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it('accepts an intact chain', () => {
    expect(findBrokenLink(chain(5))).toBe(-1);
  });

  it('finds an edited event', () => {
    const events = chain(5);
    events[2].payload = { n: 99 };
    expect(findBrokenLink(events)).toBe(2);
  });

  it('finds a dropped event', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(findBrokenLink(events)).toBe(1);
  });
});
