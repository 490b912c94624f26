import { LivelihoodDeadlineKind } from '@app/workflows/livelihood-vote';
import type { JurisdictionProfile } from '@app/profiles';
import { computeDueAt, WorkingDayCalendar } from '@app/deadlines';

/**
 * Due instants of the deadline kinds the livelihood-vote machine opens from the profile, as if opened at `from`: the
 * next progress report to the standing committee (livelihood.progressReport). Milestones carry their own dates.
 */
export function livelihoodDueDates(
  from: Date,
  profile: Pick<JurisdictionProfile, 'livelihood' | 'calendar' | 'timezone'>,
): Partial<Record<LivelihoodDeadlineKind, string>> {
  const calendar = new WorkingDayCalendar({ extraHolidays: profile.calendar.extraHolidays, extraWorkdays: profile.calendar.extraWorkdays, timezone: profile.timezone });
  return {
    [LivelihoodDeadlineKind.PROGRESS_REPORT]: computeDueAt({ from, rule: profile.livelihood.progressReport, calendar, timezone: profile.timezone }).toISOString(),
  };
}
