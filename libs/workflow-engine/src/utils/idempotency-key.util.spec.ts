import { parseIdempotencyKey } from './idempotency-key.util';

describe('parseIdempotencyKey', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['accept-1', 'accept-1'],
    ['6f1c2d7e-0b1a-4c55-9d3e-2f4a5b6c7d8e', '6f1c2d7e-0b1a-4c55-9d3e-2f4a5b6c7d8e'],
    ['k'.repeat(255), 'k'.repeat(255)],
  ])('%j → %j', (value, expected) => {
    expect(parseIdempotencyKey(value)).toBe(expected);
  });

  it.each([['k'.repeat(256)], ['密钥'], ['a\tb'], [['a', 'b']]])('refuses %j with INVALID_INPUT', (value) => {
    expect(() => parseIdempotencyKey(value)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
