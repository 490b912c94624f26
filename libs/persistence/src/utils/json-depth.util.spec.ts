import { nestsDeeperThan } from './json-depth.util';

const nested = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

describe('nestsDeeperThan', () => {
  it.each([
    [undefined, 1, false],
    ['text', 0, false],
    [{}, 1, false],
    [{}, 0, true],
    [{ a: { b: [1, 2] } }, 3, false],
    [{ a: { b: [1, 2] } }, 2, true],
    [{ wide: Array.from({ length: 1000 }, () => ({ x: 1 })) }, 3, false],
  ])('%j with max %i → %s', (value, max, expected) => {
    expect(nestsDeeperThan(value, max)).toBe(expected);
  });

  it('walks 200,000 levels without overflowing the stack', () => {
    expect(nestsDeeperThan(nested(200_000), 32)).toBe(true);
    expect(nestsDeeperThan(nested(32), 32)).toBe(false);
  });
});
