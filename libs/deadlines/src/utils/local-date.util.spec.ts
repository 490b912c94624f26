import { addCalendarDays, addMonthsClamped, assertLocalDate, dayOfWeek, isLocalDate } from './local-date.util';

describe('local-date.util', () => {
  describe(isLocalDate.name, () => {
    it.each(['2026-02-28', '2028-02-29', '0099-01-01'])('accepts %s', (date) => {
      expect(isLocalDate(date)).toBe(true);
    });

    it.each(['2026-02-29', '2026-02-30', '2026-13-01', '2026-2-3', '2026/02/03', '2026-02-03T00:00', '', 20260203])(
      'rejects %p',
      (date) => {
        expect(isLocalDate(date)).toBe(false);
      },
    );
  });

  it('assertLocalDate names the field', () => {
    expect(() => assertLocalDate('2026-02-30', 'extraHolidays')).toThrow(
      'extraHolidays must be a real date as YYYY-MM-DD, got "2026-02-30"',
    );
  });

  it.each([
    ['2026-02-12', 4],
    ['2026-02-14', 6],
    ['2026-09-20', 0],
  ])('dayOfWeek(%s) is %i', (date, weekday) => {
    expect(dayOfWeek(date)).toBe(weekday);
  });

  it.each([
    ['2026-02-12', 5, '2026-02-17'],
    ['2026-12-30', 3, '2027-01-02'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('addCalendarDays(%s, %i) is %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-02-12', 3, '2026-05-12'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('addMonthsClamped(%s, %i) is %s', (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected);
  });
});
