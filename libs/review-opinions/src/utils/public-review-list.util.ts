import { redactText } from '@app/disclosure';
import { announcementLabel, countsWithShares, type SubjectVoteResult } from '@app/meetings';
import type { ReviewOpinionItemEntity } from '../entities/review-opinion-item.entity';
import type { ReviewOpinionListEntity } from '../entities/review-opinion-list.entity';

/**
 * States whose lists the public site shows: from assignment on, so that closing item by item (逐条销号) is
 * visible while it happens. A draft may still change and a cancelled list was never handled.
 */
export const PUBLIC_REVIEW_STATES = ['handling', 'reported', 'done'];

export type PublicVoteResult = 'PASSED' | 'FAILED' | 'PENDING';

const iso = (date: Date | string | null) => (date === null ? null : new Date(date).toISOString());
const clean = (text: string | null) => (text === null ? null : redactText(text).text);

/** One closed score of the list's written report: counts with their shares, and the announcement once published. */
export function scoreView({ subjectId: _list, announcementYear, announcementNumber, ...result }: SubjectVoteResult) {
  const published = result.state === 'published' && announcementNumber !== null;
  return {
    ...result,
    announcement: published ? announcementLabel({ announcementYear, announcementNumber }) : null,
    announcementUrl: published ? `/api/public/vote-announcements/${result.voteSessionId}` : null,
    ...countsWithShares(result),
    passed: result.passed === true,
  };
}

/**
 * A review-opinion list as anyone may read it: every free text redacted (phone and ID numbers, e-mail addresses),
 * an item's report only once the office closed the item with it (until then it may be sent back), the written
 * report once submitted, and the standing committee's published scores. No unit or jurisdiction ids.
 */
export function buildPublicReviewList(
  list: ReviewOpinionListEntity,
  items: ReviewOpinionItemEntity[],
  unitNames: Map<string, string>,
  results: SubjectVoteResult[],
) {
  // A closed vote stays off the site until its announcement is published.
  const scores = results.filter((result) => result.state === 'published').map(scoreView);
  const latest = scores.at(-1);
  return {
    id: list.id,
    title: list.title,
    sourceReport: list.sourceReport,
    meetingName: list.meetingName,
    state: list.state,
    reportingUnit: unitNames.get(list.reportingUnitId) ?? null,
    assignedAt: iso(list.assignedAt),
    reportDueAt: iso(list.reportDueAt),
    reportSubmittedAt: iso(list.reportSubmittedAt),
    reportOverdue: list.reportOverdue,
    concludedAt: iso(list.concludedAt),
    report: list.reportSubmittedAt ? clean(list.reportText) : null,
    progress: {
      items: items.length,
      closed: items.filter((item) => item.status === 'CLOSED').length,
      closedOnTime: items.filter((item) => item.closedOnTime === true).length,
      itemsSentBack: items.filter((item) => item.sentBackCount > 0).length,
    },
    items: items.map((item) => {
      const closed = item.status === 'CLOSED';
      return {
        position: item.position,
        content: clean(item.content),
        unit: unitNames.get(item.unitId) ?? null,
        status: item.status,
        firstDueAt: iso(item.firstDueAt),
        dueAt: iso(item.dueAt),
        overdue: item.overdue,
        sentBackCount: item.sentBackCount,
        closedAt: iso(item.closedAt),
        closedOnTime: item.closedOnTime,
        report: closed ? clean(item.lastReport) : null,
        reportedAt: closed ? iso(item.lastReportedAt) : null,
      };
    }),
    result: (latest ? (latest.passed ? 'PASSED' : 'FAILED') : 'PENDING') as PublicVoteResult,
    scores,
  };
}

export type PublicReviewList = ReturnType<typeof buildPublicReviewList>;
