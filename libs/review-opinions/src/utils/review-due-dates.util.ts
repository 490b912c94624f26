import { ReviewDeadlineKind } from '@app/workflows/review-opinion-list';
import type { JurisdictionProfile } from '@app/profiles';
import { computeDueAt, WorkingDayCalendar } from '@app/deadlines';

/**
 * Due instants of every deadline kind the review-opinion list machine opens, as if opened at `from`:
 * item, rework and report lengths from the profile's reviewOpinions section; a report asked for again after a
 * failed score gets the same period as a suggestion's (deadlines.REPORT_AGAIN).
 */
export function reviewDueDates(
  from: Date,
  profile: Pick<JurisdictionProfile, 'reviewOpinions' | 'deadlines' | 'timezone'>,
  calendar: WorkingDayCalendar,
): Record<ReviewDeadlineKind, string> {
  const due = (rule: JurisdictionProfile['reviewOpinions']['item']) =>
    computeDueAt({ from, rule, calendar, timezone: profile.timezone }).toISOString();
  return {
    [ReviewDeadlineKind.REVIEW_ITEM]: due(profile.reviewOpinions.item),
    [ReviewDeadlineKind.REVIEW_REWORK]: due(profile.reviewOpinions.rework),
    [ReviewDeadlineKind.REVIEW_REPORT]: due(profile.reviewOpinions.report),
    [ReviewDeadlineKind.REPORT_AGAIN]: due(profile.deadlines.REPORT_AGAIN),
  };
}

export function calendarOf(profile: Pick<JurisdictionProfile, 'calendar' | 'timezone'>): WorkingDayCalendar {
  return new WorkingDayCalendar({
    extraHolidays: profile.calendar.extraHolidays,
    extraWorkdays: profile.calendar.extraWorkdays,
    timezone: profile.timezone,
  });
}
