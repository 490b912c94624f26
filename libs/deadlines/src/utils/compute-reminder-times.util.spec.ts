import { computeReminderTimes } from './compute-reminder-times.util';

describe(computeReminderTimes.name, () => {
  const dueAt = new Date('2026-05-12T15:59:59.999Z');
  const iso = (reminders: ReturnType<typeof computeReminderTimes>) =>
    reminders.map(({ offsetDays, remindAt }) => [offsetDays, remindAt.toISOString()]);

  it('subtracts each offset in days, earliest reminder first', () => {
    const reminders = computeReminderTimes({ dueAt, offsetsDays: [1, 30, 7], now: new Date('2026-02-12T02:00:00Z') });

    expect(iso(reminders)).toEqual([
      [30, '2026-04-12T15:59:59.999Z'],
      [7, '2026-05-05T15:59:59.999Z'],
      [1, '2026-05-11T15:59:59.999Z'],
    ]);
  });

  it('drops reminders already past and keeps one due exactly now', () => {
    const reminders = computeReminderTimes({ dueAt, offsetsDays: [30, 7, 1], now: new Date('2026-05-05T15:59:59.999Z') });

    expect(iso(reminders)).toEqual([
      [7, '2026-05-05T15:59:59.999Z'],
      [1, '2026-05-11T15:59:59.999Z'],
    ]);
  });

  it('returns nothing once the deadline has passed', () => {
    expect(computeReminderTimes({ dueAt, offsetsDays: [30, 7, 1], now: new Date('2026-05-13T00:00:00Z') })).toEqual([]);
  });

  it('merges repeated offsets', () => {
    expect(computeReminderTimes({ dueAt, offsetsDays: [7, 7], now: new Date('2026-01-01T00:00:00Z') })).toHaveLength(1);
  });

  it.each([[[0]], [[-1]], [[1.5]]])('refuses offsets %j', (offsetsDays) => {
    expect(() => computeReminderTimes({ dueAt, offsetsDays, now: new Date('2026-01-01T00:00:00Z') })).toThrow(RangeError);
  });
});
