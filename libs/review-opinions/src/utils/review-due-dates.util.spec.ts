import { DEFAULT_PROFILE } from '@app/profiles';
import { calendarOf, reviewDueDates } from './review-due-dates.util';

describe(reviewDueDates.name, () => {
  it('counts items, rework and the written report from the profile, each to the end of a local day', () => {
    const due = reviewDueDates(new Date('2026-03-10T02:00:00Z'), DEFAULT_PROFILE, calendarOf(DEFAULT_PROFILE));
    // Default: items and report 2 months, rework 1 month; due at 23:59:59.999 Asia/Shanghai.
    expect(due.REVIEW_ITEM).toBe('2026-05-10T15:59:59.999Z');
    expect(due.REVIEW_REPORT).toBe('2026-05-10T15:59:59.999Z');
    expect(due.REVIEW_REWORK).toBe('2026-04-10T15:59:59.999Z');
    expect(Date.parse(due.REPORT_AGAIN)).toBeGreaterThan(Date.parse(due.REVIEW_REWORK));
  });
});
