import type { KeyItemRow } from '../repositories/key-item.repository';
import { groupByTopic, isOpenForKeyTrack, leaderItemView } from './key-item-view.util';

const item = (overrides: Partial<KeyItemRow> = {}): KeyItemRow => ({
  suggestionId: 's1', number: 1, title: 'T', category: '其他', state: 'inProgress', keyState: 'selected', round: 1,
  classification: null, overdue: false, topic: '乡村道路', supervisingLeaderId: 'sup', supervisingLeaderName: null,
  leadingLeaderId: 'lead', leadingLeaderName: null, hearings: 0, votes: 0, lastVotePassed: null, ...overrides,
});
const NOW = new Date('2026-06-01T00:00:00Z');

describe('key item views', () => {
  it('groups items by topic, keeping order', () => {
    expect(groupByTopic([item(), item({ suggestionId: 's2', topic: null }), item({ suggestionId: 's3' })])).toEqual([
      { topic: '乡村道路', suggestionIds: ['s1', 's3'] },
      { topic: null, suggestionIds: ['s2'] },
    ]);
  });

  it.each([
    ['inProgress', true],
    ['awaitingClose', true],
    ['review', false],
    ['closed', false],
  ])('a suggestion in %s may become key: %s', (state, open) => expect(isOpenForKeyTrack(state)).toBe(open));

  it("shows a leader only their item's rows and warns about what is overdue or due soon", () => {
    const view = leaderItemView({
      item: item({ lastVotePassed: false }),
      userId: 'lead',
      now: NOW,
      assignments: [{ suggestionId: 's1', unitId: 'u1', overdue: true, classification: null }, { suggestionId: 'other', unitId: 'u2' }],
      deadlines: [
        { suggestionId: 's1', kind: 'REPORT_AGAIN', dueAt: new Date('2026-06-05T00:00:00Z') },
        { suggestionId: 's1', kind: 'REPLY', dueAt: new Date('2026-05-20T00:00:00Z') },
      ],
      contacts: [], replies: [{ suggestionId: 'other' }], hearings: [], votes: [],
    });
    expect(view.role).toBe('LEADING');
    expect(view.assignments).toEqual([{ unitId: 'u1', overdue: true, classification: null }]);
    expect(view.replies).toEqual([]);
    expect(view.warnings.map((w) => w.level).sort()).toEqual(['DUE_SOON', 'OVERDUE', 'OVERDUE', 'VOTE_FAILED']);
    expect(view.openDeadlines.find((d) => d.kind === 'REPORT_AGAIN')).toMatchObject({ daysLeft: 4, overdue: false });
  });
});
