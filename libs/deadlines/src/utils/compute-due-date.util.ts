import { DeadlineUnit, type DeadlineRule } from '@app/profiles';
import { addCalendarDays, addMonthsClamped, type LocalDate } from './local-date.util';
import type { WorkingDayCalendar } from './working-day-calendar.util';
import { endOfLocalDay, toLocalDate } from './zoned-time.util';

export interface ComputeDueDateOptions {
  /**
   * Move a CALENDAR_DAYS or MONTHS due day that falls on a non-working day to the next working day.
   * Off by default: the rules we model count plain calendar time; some places roll forward.
   */
  rollForwardToWorkingDay?: boolean;
}

/**
 * The local due day of a deadline started on local day `startDate`:
 * - WORKING_DAYS: the N-th working day after the start day (the start day itself never counts);
 * - CALENDAR_DAYS: start day + N;
 * - MONTHS: the same day of month N months later, clamped to that month's last day (Jan 31 + 1 = Feb 28/29).
 * CALENDAR_DAYS and MONTHS due days stay on weekends and holidays unless `rollForwardToWorkingDay`.
 */
export function computeDueLocalDate({
  startDate,
  rule,
  calendar,
  rollForwardToWorkingDay = false,
}: { startDate: LocalDate; rule: DeadlineRule; calendar: WorkingDayCalendar } & ComputeDueDateOptions): LocalDate {
  if (!Number.isInteger(rule.amount) || rule.amount < 1) {
    throw new RangeError(`Deadline amount must be a whole number >= 1, got ${rule.amount}`);
  }
  if (rule.unit === DeadlineUnit.WORKING_DAYS) return calendar.addWorkingDays(startDate, rule.amount);
  const dueDate = countCalendarTime(startDate, rule);
  return rollForwardToWorkingDay ? calendar.rollForwardToWorkingDay(dueDate) : dueDate;
}

function countCalendarTime(startDate: LocalDate, rule: DeadlineRule): LocalDate {
  switch (rule.unit) {
    case DeadlineUnit.CALENDAR_DAYS:
      return addCalendarDays(startDate, rule.amount);
    case DeadlineUnit.MONTHS:
      return addMonthsClamped(startDate, rule.amount);
    default:
      throw new RangeError(`Unknown deadline unit ${String(rule.unit)}`);
  }
}

/**
 * When a deadline started at `from` falls due. Counting happens on local dates in `timezone`
 * (default: the calendar's, Asia/Shanghai), so an event at 2026-03-01T20:00Z starts on 2026-03-02.
 * The result is the END of the due local day, 23:59:59.999 local time: a unit may act all day long.
 */
export function computeDueAt({
  from,
  rule,
  calendar,
  timezone = calendar.timezone,
  rollForwardToWorkingDay = false,
}: { from: Date; rule: DeadlineRule; calendar: WorkingDayCalendar; timezone?: string } & ComputeDueDateOptions): Date {
  if (Number.isNaN(from.getTime())) throw new RangeError('from must be a valid date');
  const startDate = toLocalDate(from, timezone);
  const dueDate = computeDueLocalDate({ startDate, rule, calendar, rollForwardToWorkingDay });
  return endOfLocalDay(dueDate, timezone);
}
