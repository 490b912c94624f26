import { Clock, ManualClock } from './clock';

describe(Clock.name, () => {
  it('tells the real time by default', () => {
    const before = Date.now();
    const now = new Clock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('runs ahead by its offset (CLOCK_OFFSET_DAYS in demos)', () => {
    const day = 86_400_000;
    const before = Date.now();
    const now = new Clock(1.5 * day).now().getTime();
    expect(now - before).toBeGreaterThanOrEqual(1.5 * day);
    expect(now - Date.now()).toBeLessThanOrEqual(1.5 * day);
  });

  it('keeps a manual clock where it was set', () => {
    const clock = new ManualClock(new Date('2026-03-10T02:00:00Z'));
    clock.advanceDays(2);
    expect(clock.now().toISOString()).toBe('2026-03-12T02:00:00.000Z');
  });
});
