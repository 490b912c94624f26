import { DEFAULT_PROFILE, resolveProfile } from '@app/profiles';
import { DeadlineKind } from '@app/workflows/suggestion/suggestion.types';
import { computeDueDates } from './compute-due-dates.util';
import { WorkingDayCalendar } from './working-day-calendar.util';

describe(computeDueDates.name, () => {
  const from = new Date('2026-02-12T02:00:00Z');

  it('computes every deadline kind from the default profile', () => {
    const due = computeDueDates({ from, profile: DEFAULT_PROFILE, calendar: WorkingDayCalendar.fromProfile(DEFAULT_PROFILE) });

    expect(due).toEqual({
      [DeadlineKind.ASSIGNMENT]: '2026-02-26T15:59:59.999Z',
      [DeadlineKind.ADJUSTMENT]: '2026-02-26T15:59:59.999Z',
      [DeadlineKind.CO_UNIT_OPINION]: '2026-03-12T15:59:59.999Z',
      [DeadlineKind.REPLY]: '2026-05-12T15:59:59.999Z',
      [DeadlineKind.REPLY_MAX]: '2026-08-12T15:59:59.999Z',
      [DeadlineKind.REHANDLING_REPLY]: '2026-03-12T15:59:59.999Z',
      // 2/13, 2/14, 2/24–2/27, 2/28 (swapped Saturday), then 13 weekdays of March.
      [DeadlineKind.FEEDBACK]: '2026-03-18T15:59:59.999Z',
      [DeadlineKind.DISCLOSURE]: '2026-03-18T15:59:59.999Z',
      [DeadlineKind.REPORT_AGAIN]: '2026-05-12T15:59:59.999Z',
    });
  });

  it('follows profile overrides', () => {
    const profile = resolveProfile({
      deadlines: { ADJUSTMENT: { amount: 3, unit: 'WORKING_DAYS' }, REHANDLING_REPLY: { amount: 2 } },
      calendar: { extraHolidays: ['2026-02-24'] },
    });

    const due = computeDueDates({ from, profile, calendar: WorkingDayCalendar.fromProfile(profile) });

    expect(due.ADJUSTMENT).toBe('2026-02-25T15:59:59.999Z');
    expect(due.REHANDLING_REPLY).toBe('2026-04-12T15:59:59.999Z');
    expect(due.ASSIGNMENT).toBe('2026-02-27T15:59:59.999Z');
  });
});
