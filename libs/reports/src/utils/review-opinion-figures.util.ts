import { round } from './compute-figures.util';

/** One review opinion as of the date. */
export interface ReviewItemFact {
  listId: string;
  unitId: string;
  unitName: string;
  closed: boolean;
  closedOnTime: boolean;
  sendBacks: number;
  overdue: boolean;
}

/** One list as of the date. */
export interface ReviewListFact {
  id: string;
  title: string;
  meetingName: string;
  reportingUnit: string;
  assignedAt: Date;
  reportSubmittedAt: Date | null;
  reportOverdue: boolean;
  /** The latest satisfaction vote on the written report by the date; null when none. */
  lastVotePassed: boolean | null;
}

export type VoteOutcome = 'PASSED' | 'FAILED' | 'PENDING';

export interface ReviewItemFigures {
  items: number;
  closed: number;
  closedOnTime: number;
  /** Null when there is no item. */
  closedOnTimeRate: number | null;
  itemsSentBack: number;
  sendBacks: number;
  overdue: number;
}

export const voteOutcome = (passed: boolean | null): VoteOutcome => (passed === null ? 'PENDING' : passed ? 'PASSED' : 'FAILED');

/** Item figures of any group of items (a unit's, a list's, all of them). */
export function itemFigures(items: ReviewItemFact[]): ReviewItemFigures {
  const closedOnTime = items.filter((item) => item.closedOnTime).length;
  return {
    items: items.length,
    closed: items.filter((item) => item.closed).length,
    closedOnTime,
    closedOnTimeRate: items.length === 0 ? null : round(closedOnTime / items.length, 4),
    itemsSentBack: items.filter((item) => item.sendBacks > 0).length,
    sendBacks: items.reduce((sum, item) => sum + item.sendBacks, 0),
    overdue: items.filter((item) => item.overdue).length,
  };
}

/** The year's review-opinion figures: in total (with the lists' reports and votes), per unit and per list. */
export function reviewOpinionFigures(lists: ReviewListFact[], items: ReviewItemFact[]) {
  const outcomes = lists.map((list) => voteOutcome(list.lastVotePassed));
  const unitIds = [...new Set(items.map((item) => item.unitId))];
  return {
    total: {
      lists: lists.length,
      ...itemFigures(items),
      reportsSubmitted: lists.filter((list) => list.reportSubmittedAt !== null).length,
      reportsOverdue: lists.filter((list) => list.reportOverdue).length,
      votePassed: outcomes.filter((o) => o === 'PASSED').length,
      voteFailed: outcomes.filter((o) => o === 'FAILED').length,
      votePending: outcomes.filter((o) => o === 'PENDING').length,
    },
    units: unitIds
      .map((unitId) => {
        const own = items.filter((item) => item.unitId === unitId);
        return { unitId, unitName: own[0].unitName, ...itemFigures(own) };
      })
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN')),
    lists: lists.map((list) => ({
      id: list.id,
      title: list.title,
      meetingName: list.meetingName,
      reportingUnit: list.reportingUnit,
      assignedAt: list.assignedAt.toISOString(),
      ...itemFigures(items.filter((item) => item.listId === list.id)),
      reportSubmittedAt: list.reportSubmittedAt?.toISOString() ?? null,
      reportOverdue: list.reportOverdue,
      vote: voteOutcome(list.lastVotePassed),
    })),
  };
}
