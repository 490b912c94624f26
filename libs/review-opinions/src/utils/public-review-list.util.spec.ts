import type { SubjectVoteResult } from '@app/meetings';
import type { ReviewOpinionItemEntity } from '../entities/review-opinion-item.entity';
import type { ReviewOpinionListEntity } from '../entities/review-opinion-list.entity';
import { buildPublicReviewList, scoreView } from './public-review-list.util';

const list = (overrides: Partial<ReviewOpinionListEntity> = {}): ReviewOpinionListEntity => ({
  id: 'list', jurisdictionId: 'j', title: '审议意见清单', sourceReport: '执法检查报告', meetingName: '第二十次会议', reportingUnitId: 'gov',
  state: 'reported', assignedAt: new Date('2026-03-10T02:00:00Z'), reportDueAt: new Date('2026-05-10T15:59:59.999Z'),
  reportText: '书面报告，联系电话13912345678。', reportSubmittedAt: new Date('2026-05-12T02:00:00Z'), reportOverdue: true,
  createdBy: 'office', createdAt: new Date('2026-03-09T02:00:00Z'), concludedAt: null, ...overrides,
});
const item = (position: number, overrides: Partial<ReviewOpinionItemEntity> = {}): ReviewOpinionItemEntity => ({
  id: `i${position}`, jurisdictionId: 'j', listId: 'list', position, content: `第${position}条意见`, unitId: 'unit', status: 'CLOSED',
  firstDueAt: new Date('2026-05-10T15:59:59.999Z'), dueAt: new Date('2026-05-10T15:59:59.999Z'), reportCount: 1, sentBackCount: 0, overdue: false,
  lastReport: `第${position}条已落实，邮箱 a.b@example.com`, lastReportedAt: new Date('2026-03-11T02:00:00Z'), lastSendBackReason: null,
  closedAt: new Date('2026-03-12T02:00:00Z'), closedOnTime: true, ...overrides,
});
const result = (overrides: Partial<SubjectVoteResult>): SubjectVoteResult => ({
  subjectId: 'list', voteSessionId: 'vs1', title: '测评', meetingName: '第二十二次会议', meetingDate: '2026-06-20', state: 'published',
  announcementYear: 2026, announcementNumber: 1, ballotsIssued: 5, ballotsReturned: 5, satisfied: 1, basicallySatisfied: 1, unsatisfied: 3, passed: false,
  ...overrides,
});
const names = new Map([['gov', '县人民政府'], ['unit', '县教育局']]);

describe(buildPublicReviewList.name, () => {
  it('redacts every text, and shows an item’s report only once the office closed the item', () => {
    const view = buildPublicReviewList(list(), [item(1), item(2, { status: 'REPORTED', closedAt: null, closedOnTime: null, sentBackCount: 1 })], names, []);
    expect(view.report).toBe('书面报告，联系电话【电话号码已隐去】。');
    expect(view.items[0].report).toBe('第1条已落实，邮箱 【电子邮箱已隐去】');
    expect(view.items[1]).toMatchObject({ status: 'REPORTED', report: null, reportedAt: null, unit: '县教育局' });
    expect(view.progress).toEqual({ items: 2, closed: 1, closedOnTime: 1, itemsSentBack: 1 });
    expect(JSON.stringify(view)).not.toMatch(/"(unitId|jurisdictionId|reportingUnitId)"/);
  });

  it('shows no written report before it is submitted, and only published scores, the latest deciding the result', () => {
    const results = [result({}), result({ voteSessionId: 'vs2', state: 'closed', announcementNumber: null, passed: true })];
    const view = buildPublicReviewList(list({ reportSubmittedAt: null, state: 'handling' }), [], names, results);
    expect(view.report).toBeNull();
    expect(view.scores.map((s) => s.voteSessionId)).toEqual(['vs1']);
    expect(view.result).toBe('FAILED');
    expect(buildPublicReviewList(list(), [], names, []).result).toBe('PENDING');
  });
});

describe(scoreView.name, () => {
  it('gives counts with shares and names the announcement only once published', () => {
    expect(scoreView(result({}))).toMatchObject({
      announcement: '〔2026〕第1号', announcementUrl: '/api/public/vote-announcements/vs1', unsatisfied: { count: 3, percent: '60.00%' }, passed: false,
    });
    expect(scoreView(result({ state: 'closed', announcementNumber: null }))).toMatchObject({ announcement: null, announcementUrl: null });
  });
});
