const MS_PER_DAY = 86_400_000;

export interface ReminderTime {
  /** Days before the due instant; part of the reminder job's deterministic id. */
  offsetDays: number;
  remindAt: Date;
}

/**
 * Reminder instants for a deadline: `dueAt` minus each offset in whole 24-hour days, earliest first.
 * Reminders already in the past at `now` are dropped (one exactly at `now` is kept), so a deadline
 * opened late, or re-planned after an extension, does not fire stale reminders.
 * 24 hours equal one local day in fixed-offset zones such as Asia/Shanghai; in a DST zone a reminder
 * may land an hour off, which is harmless for a reminder.
 */
export function computeReminderTimes({
  dueAt,
  offsetsDays,
  now,
}: {
  dueAt: Date;
  offsetsDays: readonly number[];
  now: Date;
}): ReminderTime[] {
  const invalid = offsetsDays.filter((offset) => !Number.isInteger(offset) || offset < 1);
  if (invalid.length > 0) throw new RangeError(`Reminder offsets must be whole days >= 1, got ${invalid.join(', ')}`);
  return [...new Set(offsetsDays)]
    .sort((a, b) => b - a)
    .map((offsetDays) => ({ offsetDays, remindAt: new Date(dueAt.getTime() - offsetDays * MS_PER_DAY) }))
    .filter(({ remindAt }) => remindAt.getTime() >= now.getTime());
}
