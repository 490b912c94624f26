import { countsWithShares } from './vote-result-view.util';

describe(countsWithShares.name, () => {
  it('gives each option its count and share of the ballots returned', () => {
    expect(countsWithShares({ ballotsReturned: 30, satisfied: 6, basicallySatisfied: 8, unsatisfied: 16 })).toEqual({
      ballotsReturned: 30,
      satisfied: { count: 6, percent: '20.00%' },
      basicallySatisfied: { count: 8, percent: '26.67%' },
      unsatisfied: { count: 16, percent: '53.33%' },
    });
  });

  it('reads a vote with nothing returned as zeros, not as a division by zero', () => {
    const view = countsWithShares({ ballotsReturned: null, satisfied: null, basicallySatisfied: null, unsatisfied: null });
    expect(view.ballotsReturned).toBe(0);
    expect(view.unsatisfied.count).toBe(0);
    expect(typeof view.unsatisfied.percent).toBe('string');
  });
});
