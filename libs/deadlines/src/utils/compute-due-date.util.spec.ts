import { DeadlineUnit } from '@app/profiles';
import { computeDueAt } from './compute-due-date.util';
import { WorkingDayCalendar } from './working-day-calendar.util';

const calendar = new WorkingDayCalendar();
const workingDays = (amount: number) => ({ amount, unit: DeadlineUnit.WORKING_DAYS });
const calendarDays = (amount: number) => ({ amount, unit: DeadlineUnit.CALENDAR_DAYS });
const months = (amount: number) => ({ amount, unit: DeadlineUnit.MONTHS });
const dueAt = (from: string, rule: { amount: number; unit: DeadlineUnit }, options = {}) =>
  computeDueAt({ from: new Date(from), rule, calendar, ...options }).toISOString();

describe(computeDueAt.name, () => {
  describe('WORKING_DAYS', () => {
    it('skips the Spring Festival but counts the swapped Saturday (5 from Thu 2026-02-12)', () => {
      expect(dueAt('2026-02-12T02:00:00Z', workingDays(5))).toBe('2026-02-26T15:59:59.999Z');
    });

    it('skips Mid-Autumn and National Day but counts 9/20 and 10/10 (20 from Fri 2026-09-18)', () => {
      expect(dueAt('2026-09-18T02:00:00Z', workingDays(20))).toBe('2026-10-22T15:59:59.999Z');
    });

    it('respects a profile calendar', () => {
      const local = WorkingDayCalendar.fromProfile({
        calendar: { extraHolidays: ['2026-02-26'], extraWorkdays: ['2026-02-22'] },
        timezone: 'Asia/Shanghai',
      });

      // 2/13, 2/14, 2/22 (extra workday), 2/24, 2/25 — 2/26 would not have counted anyway.
      expect(computeDueAt({ from: new Date('2026-02-12T02:00:00Z'), rule: workingDays(5), calendar: local }).toISOString()).toBe(
        '2026-02-25T15:59:59.999Z',
      );
      expect(computeDueAt({ from: new Date('2026-02-12T02:00:00Z'), rule: workingDays(6), calendar: local }).toISOString()).toBe(
        '2026-02-27T15:59:59.999Z',
      );
    });
  });

  describe('CALENDAR_DAYS', () => {
    it('adds days to the local start day', () => {
      expect(dueAt('2026-02-12T02:00:00Z', calendarDays(10))).toBe('2026-02-22T15:59:59.999Z');
    });
  });

  describe('MONTHS', () => {
    it.each([
      ['2026-02-12T02:00:00Z', 3, '2026-05-12T15:59:59.999Z'],
      ['2026-01-31T02:00:00Z', 1, '2026-02-28T15:59:59.999Z'],
      ['2027-12-31T02:00:00Z', 2, '2028-02-29T15:59:59.999Z'],
      ['2026-08-31T02:00:00Z', 6, '2027-02-28T15:59:59.999Z'],
    ])('from %s plus %i months is %s', (from, amount, expected) => {
      expect(dueAt(from, months(amount))).toBe(expected);
    });
  });

  describe('due day on a non-working day', () => {
    it('stays put by default', () => {
      expect(dueAt('2026-07-03T02:00:00Z', months(3))).toBe('2026-10-03T15:59:59.999Z');
      expect(dueAt('2026-03-06T02:00:00Z', calendarDays(2))).toBe('2026-03-08T15:59:59.999Z');
    });

    it('rolls forward to the next working day when asked', () => {
      const options = { rollForwardToWorkingDay: true };

      expect(dueAt('2026-07-03T02:00:00Z', months(3), options)).toBe('2026-10-08T15:59:59.999Z');
      expect(dueAt('2026-03-06T02:00:00Z', calendarDays(2), options)).toBe('2026-03-09T15:59:59.999Z');
      expect(dueAt('2026-03-06T02:00:00Z', calendarDays(3), options)).toBe('2026-03-09T15:59:59.999Z');
    });
  });

  describe('time zone', () => {
    it('counts from the local date: 2026-03-01T20:00Z is 03-02 in Shanghai', () => {
      expect(dueAt('2026-03-01T20:00:00Z', calendarDays(1))).toBe('2026-03-03T15:59:59.999Z');
      expect(dueAt('2026-03-01T20:00:00Z', workingDays(1))).toBe('2026-03-03T15:59:59.999Z');
    });

    it('counts an event one millisecond before local midnight on the earlier day', () => {
      expect(dueAt('2026-03-01T15:59:59.999Z', calendarDays(1))).toBe('2026-03-02T15:59:59.999Z');
      expect(dueAt('2026-03-01T16:00:00.000Z', calendarDays(1))).toBe('2026-03-03T15:59:59.999Z');
    });

    it('uses another zone when given one', () => {
      expect(dueAt('2026-03-01T20:00:00Z', calendarDays(1), { timezone: 'UTC' })).toBe('2026-03-02T23:59:59.999Z');
    });
  });

  it.each([
    [{ amount: 0, unit: DeadlineUnit.MONTHS }, 'amount must be a whole number >= 1'],
    [{ amount: 1.5, unit: DeadlineUnit.WORKING_DAYS }, 'amount must be a whole number >= 1'],
    [{ amount: 1, unit: 'WEEKS' as DeadlineUnit }, 'Unknown deadline unit WEEKS'],
  ])('refuses rule %j', (rule, message) => {
    expect(() => dueAt('2026-03-01T00:00:00Z', rule)).toThrow(message);
  });

  it('never reads the process-local time', () => {
    (['getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getTimezoneOffset'] as const).forEach((getter) =>
      jest.spyOn(Date.prototype, getter).mockImplementation(() => {
        throw new Error(`read process-local time through Date#${getter}`);
      }),
    );

    try {
      expect(dueAt('2026-03-01T20:00:00Z', workingDays(5))).toBe('2026-03-09T15:59:59.999Z');
      expect(dueAt('2026-01-31T02:00:00Z', months(1))).toBe('2026-02-28T15:59:59.999Z');
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('refuses an invalid start', () => {
    expect(() => dueAt('not a date', months(1))).toThrow('from must be a valid date');
  });
});
