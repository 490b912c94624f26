import { itemFigures, reviewOpinionFigures, ReviewItemFact, ReviewListFact } from './review-opinion-figures.util';

const item = (overrides: Partial<ReviewItemFact>): ReviewItemFact => ({
  listId: 'l1', unitId: 'u1', unitName: '甲局', closed: true, closedOnTime: true, sendBacks: 0, overdue: false, ...overrides,
});
const list = (overrides: Partial<ReviewListFact>): ReviewListFact => ({
  id: 'l1', title: '清单', meetingName: '第二十次会议', reportingUnit: '县人民政府', assignedAt: new Date('2026-03-10T02:00:00Z'),
  reportSubmittedAt: null, reportOverdue: false, lastVotePassed: null, ...overrides,
});

describe(itemFigures.name, () => {
  it('counts closed, closed on time, items sent back and send-backs, overdue; the rate over all items', () => {
    const figures = itemFigures([
      item({}), item({ sendBacks: 2, closedOnTime: false, overdue: true }), item({ closed: false, closedOnTime: false, sendBacks: 1 }), item({}),
    ]);
    expect(figures).toEqual({ items: 4, closed: 3, closedOnTime: 2, closedOnTimeRate: 0.5, itemsSentBack: 2, sendBacks: 3, overdue: 1 });
  });

  it('has no rate without items', () => {
    expect(itemFigures([]).closedOnTimeRate).toBeNull();
  });
});

describe(reviewOpinionFigures.name, () => {
  it('adds the lists’ reports and latest votes to the total, and breaks items down per unit and per list', () => {
    const lists = [
      list({ id: 'l1', reportSubmittedAt: new Date('2026-05-12T02:00:00Z'), reportOverdue: true, lastVotePassed: true }),
      list({ id: 'l2', lastVotePassed: false, reportSubmittedAt: new Date('2026-06-01T02:00:00Z') }),
      list({ id: 'l3' }),
    ];
    const items = [
      item({ listId: 'l1', unitId: 'b', unitName: '乙局' }), item({ listId: 'l2', unitId: 'a', sendBacks: 1 }),
      item({ listId: 'l3', unitId: 'a', closed: false, closedOnTime: false }),
    ];
    const figures = reviewOpinionFigures(lists, items);
    expect(figures.total).toMatchObject({ lists: 3, items: 3, closed: 2, reportsSubmitted: 2, reportsOverdue: 1, votePassed: 1, voteFailed: 1, votePending: 1 });
    expect(figures.units.map((u) => [u.unitName, u.items, u.itemsSentBack])).toEqual([['甲局', 2, 1], ['乙局', 1, 0]]);
    expect(figures.lists.map((l) => [l.id, l.vote, l.reportingUnit])).toEqual([['l1', 'PASSED', '县人民政府'], ['l2', 'FAILED', '县人民政府'], ['l3', 'PENDING', '县人民政府']]);
  });
});
