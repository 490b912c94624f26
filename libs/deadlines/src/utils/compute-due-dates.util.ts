import type { JurisdictionProfile } from '@app/profiles';
import { DeadlineKind, type DueDates } from '@app/workflows/suggestion/suggestion.types';
import { computeDueAt, type ComputeDueDateOptions } from './compute-due-date.util';
import type { WorkingDayCalendar } from './working-day-calendar.util';

const DEADLINE_KINDS = Object.values(DeadlineKind);

/**
 * The due instant (ISO string) of every deadline kind as if opened at `from`; the engine passes
 * this as `due` with every machine event, so machines never read a clock or a calendar.
 */
export function computeDueDates({
  from,
  profile,
  calendar,
  rollForwardToWorkingDay = false,
}: {
  from: Date;
  profile: Pick<JurisdictionProfile, 'deadlines' | 'timezone'>;
  calendar: WorkingDayCalendar;
} & ComputeDueDateOptions): DueDates {
  const due = {} as DueDates;
  for (const kind of DEADLINE_KINDS) {
    const rule = profile.deadlines[kind];
    due[kind] = computeDueAt({ from, rule, calendar, timezone: profile.timezone, rollForwardToWorkingDay }).toISOString();
  }
  return due;
}
