/**
 * A calendar date in a jurisdiction's local calendar, 'YYYY-MM-DD', with no time or zone.
 * Arithmetic goes through Date.UTC only as a proleptic-Gregorian counter: no zone is involved.
 */
export type LocalDate = string;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function toParts(date: LocalDate): DateParts {
  const match = LOCAL_DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function fromUtcMs(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function toUtcMs({ year, month, day }: DateParts): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string' || !LOCAL_DATE_PATTERN.test(value)) return false;
  // Round-tripping rejects impossible dates such as 2026-02-30.
  return fromUtcMs(toUtcMs(toParts(value))) === value;
}

export function assertLocalDate(value: unknown, name = 'date'): asserts value is LocalDate {
  if (!isLocalDate(value)) throw new RangeError(`${name} must be a real date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

export function yearOf(date: LocalDate): number {
  return toParts(date).year;
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(toUtcMs(toParts(date))).getUTCDay();
}

export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMs(toUtcMs(toParts(date)) + days * MS_PER_DAY);
}

function daysInMonth(year: number, month: number): number {
  return new Date(toUtcMs({ year, month: month + 1, day: 0 })).getUTCDate();
}

/** Same day of month `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsClamped(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = toParts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return fromUtcMs(toUtcMs({ year: targetYear, month: targetMonth, day: targetDay }));
}
