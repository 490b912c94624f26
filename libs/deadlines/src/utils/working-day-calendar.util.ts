// The package's published data file, not its isWorkday(): isWorkday builds its tables with the
// process's local time, so on a server west of UTC every holiday shifts one day earlier
// (TZ=America/Los_Angeles: isWorkday('2026-03-02'), a Monday, is false). The JSON is the same
// official data (State Council notices), keyed by plain dates, and independent of the process zone.
import officialCalendar from 'chinese-days/dist/chinese-days.json';
import type { JurisdictionProfile } from '@app/profiles';
import { assertLocalDate, addCalendarDays, dayOfWeek, yearOf, type LocalDate } from './local-date.util';
import { assertTimeZone, DEFAULT_TIMEZONE } from './zoned-time.util';

const OFFICIAL_HOLIDAYS: Readonly<Record<string, string>> = officialCalendar.holidays;
const OFFICIAL_WORKDAYS: Readonly<Record<string, string>> = officialCalendar.workdays;

/** Years the package has a State Council schedule for (2004–2026 in chinese-days 1.5.7). */
const OFFICIAL_YEARS: ReadonlySet<number> = new Set(Object.keys(OFFICIAL_HOLIDAYS).map(yearOf));

export interface WorkingDayCalendarOptions {
  /** Local days off on top of the official calendar (they win over official working days). */
  extraHolidays?: readonly LocalDate[];
  /** Local working days on top of the official calendar (they win over weekends and official holidays). */
  extraWorkdays?: readonly LocalDate[];
  /** IANA zone in which instants become local dates. */
  timezone?: string;
}

/**
 * The official Chinese working-day calendar (statutory holidays and swapped working days, 调休) plus a
 * jurisdiction's own corrections. Each year's schedule is only published in the November before, so
 * for a year the package does not cover, the calendar falls back to Monday–Friday; a jurisdiction
 * can bridge the gap with extraHolidays/extraWorkdays until the package is updated.
 */
export class WorkingDayCalendar {
  readonly timezone: string;
  private readonly extraHolidays: ReadonlySet<LocalDate>;
  private readonly extraWorkdays: ReadonlySet<LocalDate>;

  constructor({ extraHolidays = [], extraWorkdays = [], timezone = DEFAULT_TIMEZONE }: WorkingDayCalendarOptions = {}) {
    extraHolidays.forEach((date) => assertLocalDate(date, 'extraHolidays'));
    extraWorkdays.forEach((date) => assertLocalDate(date, 'extraWorkdays'));
    const both = extraWorkdays.filter((date) => extraHolidays.includes(date));
    if (both.length > 0) throw new RangeError(`Dates both extra holidays and extra workdays: ${both.join(', ')}`);
    assertTimeZone(timezone);
    this.extraHolidays = new Set(extraHolidays);
    this.extraWorkdays = new Set(extraWorkdays);
    this.timezone = timezone;
  }

  static fromProfile(profile: Pick<JurisdictionProfile, 'calendar' | 'timezone'>): WorkingDayCalendar {
    return new WorkingDayCalendar({ ...profile.calendar, timezone: profile.timezone });
  }

  /** Whether the package has the official holiday schedule for `year` (otherwise Monday–Friday applies). */
  static coversYear(year: number): boolean {
    return OFFICIAL_YEARS.has(year);
  }

  isWorkingDay(date: LocalDate): boolean {
    assertLocalDate(date);
    return this.isWorkingDayUnchecked(date);
  }

  /** The `count`-th working day after `date`; `date` itself never counts, whether or not it is a working day. */
  addWorkingDays(date: LocalDate, count: number): LocalDate {
    assertLocalDate(date);
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number >= 0, got ${count}`);
    let current = date;
    for (let found = 0; found < count; ) {
      current = addCalendarDays(current, 1);
      if (this.isWorkingDayUnchecked(current)) found += 1;
    }
    return current;
  }

  /** `date` when it is a working day, else the next working day. */
  rollForwardToWorkingDay(date: LocalDate): LocalDate {
    assertLocalDate(date);
    return this.isWorkingDayUnchecked(date) ? date : this.addWorkingDays(date, 1);
  }

  private isWorkingDayUnchecked(date: LocalDate): boolean {
    if (this.extraWorkdays.has(date)) return true;
    if (this.extraHolidays.has(date)) return false;
    if (OFFICIAL_WORKDAYS[date]) return true;
    if (OFFICIAL_HOLIDAYS[date]) return false;
    const weekday = dayOfWeek(date);
    return weekday >= 1 && weekday <= 5;
  }
}
