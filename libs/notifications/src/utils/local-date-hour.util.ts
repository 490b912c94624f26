/** The local calendar date and hour of an instant in a time zone. */
export function localDateAndHour(instant: Date, timeZone: string): { localDate: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
    .formatToParts(instant)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return { localDate: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}
