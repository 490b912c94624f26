import { mergeOverrides } from './merge-overrides.util';

describe(mergeOverrides.name, () => {
  const merge = (base: unknown, overrides: unknown) => {
    const errors: string[] = [];
    return { merged: mergeOverrides({ base, overrides, path: 'p', errors }), errors };
  };

  it.each([
    ['merges objects key by key', { a: { b: 1, c: 2 } }, { a: { c: 3 } }, { a: { b: 1, c: 3 } }],
    ['replaces arrays', { a: [1, 2, 3] }, { a: [4] }, { a: [4] }],
    ['keeps the base for undefined', { a: 1 }, { a: undefined }, { a: 1 }],
    ['lets null replace', { a: { b: 1 } }, { a: null }, { a: null }],
    ['adds unknown keys for the validator to refuse', { a: 1 }, { z: 2 }, { a: 1, z: 2 }],
    ['replaces an object by a primitive', { a: { b: 1 } }, { a: 5 }, { a: 5 }],
  ])('%s', (_, base, overrides, expected) => {
    expect(merge(base, overrides)).toEqual({ merged: expected, errors: [] });
  });

  it('reports unsafe keys with their path and leaves prototypes alone', () => {
    const { merged, errors } = merge({ a: {} }, JSON.parse('{"a": {"__proto__": {"x": 1}}, "constructor": 1}'));

    expect(errors).toEqual(['p.a.__proto__ is not a known field', 'p.constructor is not a known field']);
    expect(merged).toEqual({ a: {} });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
