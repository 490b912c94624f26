import { localDateAndHour } from './local-date-hour.util';

describe('localDateAndHour', () => {
  it.each([
    ['2026-03-10T23:30:00Z', '2026-03-11', 7],
    ['2026-03-11T00:00:00Z', '2026-03-11', 8],
    ['2026-12-31T16:00:00Z', '2027-01-01', 0],
  ])('%s in Shanghai is %s, hour %i', (iso, localDate, hour) => {
    expect(localDateAndHour(new Date(iso), 'Asia/Shanghai')).toEqual({ localDate, hour });
  });
});
