import { assertTimeZone, endOfLocalDay, toLocalDate } from './zoned-time.util';

describe('zoned-time.util', () => {
  describe(toLocalDate.name, () => {
    it.each([
      ['2026-03-01T20:00:00.000Z', 'Asia/Shanghai', '2026-03-02'],
      ['2026-03-01T15:59:59.999Z', 'Asia/Shanghai', '2026-03-01'],
      ['2026-03-01T16:00:00.000Z', 'Asia/Shanghai', '2026-03-02'],
      ['2026-03-01T20:00:00.000Z', 'UTC', '2026-03-01'],
      ['2026-03-02T03:00:00.000Z', 'America/Los_Angeles', '2026-03-01'],
    ])('%s in %s is %s', (instant, timeZone, expected) => {
      expect(toLocalDate(new Date(instant), timeZone)).toBe(expected);
    });
  });

  describe(endOfLocalDay.name, () => {
    it.each([
      ['2026-02-26', 'Asia/Shanghai', '2026-02-26T15:59:59.999Z'],
      ['2026-02-26', 'UTC', '2026-02-26T23:59:59.999Z'],
      // Europe/Berlin and Los Angeles switch to summer time on these days.
      ['2026-03-28', 'Europe/Berlin', '2026-03-28T22:59:59.999Z'],
      ['2026-03-29', 'Europe/Berlin', '2026-03-29T21:59:59.999Z'],
      ['2026-03-08', 'America/Los_Angeles', '2026-03-09T06:59:59.999Z'],
    ])('%s in %s ends at %s', (date, timeZone, expected) => {
      expect(endOfLocalDay(date, timeZone).toISOString()).toBe(expected);
    });
  });

  it('assertTimeZone refuses an unknown zone', () => {
    expect(() => assertTimeZone('Asia/Beijing')).toThrow('Unknown time zone "Asia/Beijing"');
    expect(() => assertTimeZone('Asia/Shanghai')).not.toThrow();
  });
});
