import { WorkingDayCalendar } from './working-day-calendar.util';

describe(WorkingDayCalendar.name, () => {
  const calendar = new WorkingDayCalendar();

  describe('isWorkingDay (State Council 2026 schedule)', () => {
    it.each([
      '2026-01-01', '2026-01-02', '2026-01-03',
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
      '2026-05-01', '2026-05-05',
      '2026-09-25', '2026-09-26', '2026-09-27',
      '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
    ])('%s is a holiday', (date) => {
      expect(calendar.isWorkingDay(date)).toBe(false);
    });

    it.each(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])(
      '%s is a swapped working day on a weekend',
      (date) => {
        expect(calendar.isWorkingDay(date)).toBe(true);
      },
    );

    it.each([
      ['2026-02-13', true],
      ['2026-02-24', true],
      ['2026-03-02', true],
      ['2026-03-07', false],
      ['2026-10-11', false],
    ])('%s is an ordinary day (working: %p)', (date, working) => {
      expect(calendar.isWorkingDay(date)).toBe(working);
    });

    it('refuses a malformed date', () => {
      expect(() => calendar.isWorkingDay('2026-2-3')).toThrow(RangeError);
    });
  });

  describe('addWorkingDays', () => {
    it.each([
      // 2/13 Fri, 2/14 Sat (swapped), then 2/15–2/23 Spring Festival, 2/24, 2/25, 2/26.
      ['2026-02-12', 5, '2026-02-26'],
      ['2026-02-12', 2, '2026-02-14'],
      // Starting inside the holiday: the start day never counts.
      ['2026-02-18', 1, '2026-02-24'],
      // 9/20 Sun swapped, Mid-Autumn 9/25–27, National Day 10/1–7, 10/10 Sat swapped.
      ['2026-09-18', 20, '2026-10-22'],
      ['2026-09-30', 20, '2026-11-03'],
      // New Year 2026: 1/1–1/3 off, Sunday 1/4 worked.
      ['2025-12-31', 1, '2026-01-04'],
      ['2025-12-31', 2, '2026-01-05'],
      ['2026-02-12', 0, '2026-02-12'],
    ])('%s + %i working days is %s', (date, count, expected) => {
      expect(calendar.addWorkingDays(date, count)).toBe(expected);
    });

    it.each([-1, 1.5, Number.NaN])('refuses count %p', (count) => {
      expect(() => calendar.addWorkingDays('2026-02-12', count)).toThrow(RangeError);
    });
  });

  describe('jurisdiction overrides', () => {
    it('skips an extra holiday', () => {
      const local = new WorkingDayCalendar({ extraHolidays: ['2026-02-26'] });

      expect(local.isWorkingDay('2026-02-26')).toBe(false);
      expect(local.addWorkingDays('2026-02-12', 5)).toBe('2026-02-27');
    });

    it('lets an extra holiday cancel an official swapped working day', () => {
      const local = new WorkingDayCalendar({ extraHolidays: ['2026-02-14'] });

      expect(local.addWorkingDays('2026-02-12', 5)).toBe('2026-02-27');
    });

    it('counts an extra working day, even inside an official holiday', () => {
      const local = new WorkingDayCalendar({ extraWorkdays: ['2026-02-22'] });

      expect(local.isWorkingDay('2026-02-22')).toBe(true);
      expect(local.addWorkingDays('2026-02-12', 5)).toBe('2026-02-25');
    });

    it('is built from a profile', () => {
      const local = WorkingDayCalendar.fromProfile({
        calendar: { extraHolidays: ['2026-03-02'], extraWorkdays: [] },
        timezone: 'Asia/Shanghai',
      });

      expect(local.isWorkingDay('2026-03-02')).toBe(false);
      expect(local.timezone).toBe('Asia/Shanghai');
    });

    it.each([
      [{ extraHolidays: ['2026-02-30'] }, 'extraHolidays must be a real date'],
      [{ extraWorkdays: ['2026/02/22'] }, 'extraWorkdays must be a real date'],
      [{ extraHolidays: ['2026-03-02'], extraWorkdays: ['2026-03-02'] }, 'both extra holidays and extra workdays: 2026-03-02'],
      [{ timezone: 'Beijing' }, 'Unknown time zone "Beijing"'],
    ])('refuses %j', (options, message) => {
      expect(() => new WorkingDayCalendar(options)).toThrow(message);
    });
  });

  describe('years without an official schedule', () => {
    it('knows which years chinese-days covers', () => {
      expect(WorkingDayCalendar.coversYear(2004)).toBe(true);
      expect(WorkingDayCalendar.coversYear(2026)).toBe(true);
      expect(WorkingDayCalendar.coversYear(2003)).toBe(false);
      expect(WorkingDayCalendar.coversYear(2027)).toBe(false);
    });

    it('falls back to Monday–Friday, so New Year 2027 counts as a working day until the package catches up', () => {
      expect(calendar.isWorkingDay('2027-01-01')).toBe(true);
      expect(calendar.isWorkingDay('2027-01-02')).toBe(false);
      expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
    });

    it('lets a jurisdiction bridge the gap with extra holidays', () => {
      const local = new WorkingDayCalendar({ extraHolidays: ['2027-01-01'] });

      expect(local.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    });
  });

  // chinese-days' own isWorkday() reads process-local time and shifts holidays west of UTC; ours must not.
  describe('process time zone', () => {
    const LOCAL_TIME_GETTERS = ['getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getTimezoneOffset'] as const;
    afterEach(() => jest.restoreAllMocks());

    it('never reads the process-local time', () => {
      LOCAL_TIME_GETTERS.forEach((getter) =>
        jest.spyOn(Date.prototype, getter).mockImplementation(() => {
          throw new Error(`read process-local time through Date#${getter}`);
        }),
      );

      expect(calendar.addWorkingDays('2026-09-18', 20)).toBe('2026-10-22');
      expect(new WorkingDayCalendar({ extraHolidays: ['2026-03-02'] }).isWorkingDay('2026-03-02')).toBe(false);
    });
  });
});
