import type { LocalDate } from './local-date.util';

/** China uses one zone (UTC+8, no DST since 1991); profiles may still name another IANA zone. */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError naming the zone when it is not a valid IANA time zone. */
export function assertTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}"`);
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(instant: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

function wallClockAsUtcMs({ year, month, day, hour, minute, second }: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** Local time minus UTC at `instant`, in ms (+8 h for Asia/Shanghai). */
function offsetAt(instant: number, timeZone: string): number {
  const wholeSeconds = Math.floor(instant / 1000) * 1000;
  return wallClockAsUtcMs(wallClockAt(wholeSeconds, timeZone)) - wholeSeconds;
}

function pad(value: number, length: number): string {
  return String(value).padStart(length, '0');
}

/** The local calendar date of `instant` in `timeZone`: 2026-03-01T20:00Z is 2026-03-02 in Shanghai. */
export function toLocalDate(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = wallClockAt(instant.getTime(), timeZone);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The last millisecond of `date` in `timeZone` (23:59:59.999 local). */
export function endOfLocalDay(date: LocalDate, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const wall = wallClockAsUtcMs({ year, month, day, hour: 23, minute: 59, second: 59 }) + 999;
  // Two passes: the offset at the first guess can differ from the final one across a DST change.
  const firstGuess = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(firstGuess, timeZone));
}
