import { decideItemResult, formatShare, percentOf } from './vote-result.util';

describe('decideItemResult', () => {
  const half = { failWhenUnsatisfiedExceedsShare: 0.5 };

  it.each([
    ['a clear majority satisfied passes', { satisfied: 20, basicallySatisfied: 5, unsatisfied: 5 }, half, true],
    ['exactly half unsatisfied still passes (must exceed)', { satisfied: 10, basicallySatisfied: 5, unsatisfied: 15 }, half, true],
    ['one more than half unsatisfied fails', { satisfied: 10, basicallySatisfied: 4, unsatisfied: 16 }, half, false],
    ['an odd count just over half fails', { satisfied: 7, basicallySatisfied: 0, unsatisfied: 8 }, half, false],
    ['a stricter profile fails at a third', { satisfied: 18, basicallySatisfied: 1, unsatisfied: 11 }, { failWhenUnsatisfiedExceedsShare: 1 / 3 }, false],
    ['a share of 1 never fails a returned item', { satisfied: 0, basicallySatisfied: 0, unsatisfied: 9 }, { failWhenUnsatisfiedExceedsShare: 1 }, true],
    ['a share of 0 fails on any unsatisfied ballot', { satisfied: 29, basicallySatisfied: 0, unsatisfied: 1 }, { failWhenUnsatisfiedExceedsShare: 0 }, false],
    ['no ballot returned does not pass', { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 }, half, false],
  ])('%s', (_name, tally, rules, passed) => {
    const result = decideItemResult(tally, rules);
    expect(result.passed).toBe(passed);
    expect(result.returned).toBe(tally.satisfied + tally.basicallySatisfied + tally.unsatisfied);
    expect(result.reason.length).toBeGreaterThan(0);
  });

  it('explains a failure with the counts and the threshold', () => {
    expect(decideItemResult({ satisfied: 10, basicallySatisfied: 4, unsatisfied: 16 }, half).reason).toBe(
      '16 of 30 ballots returned were unsatisfied, more than the 50% allowed',
    );
  });
});

describe('percentages', () => {
  it.each([
    [1, 3, '33.33%'],
    [30, 30, '100.00%'],
    [0, 0, '0.00%'],
  ])('%i of %i is %s', (count, total, text) => expect(percentOf(count, total)).toBe(text));

  it('formats a share', () => expect(formatShare(1 / 3)).toBe('33.33%'));
});
