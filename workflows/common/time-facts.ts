/**
 * What the engine tells a machine about time with every event, so machines stay free of clocks and calendars:
 * `at` is now, and `due[kind]` is the due instant of a deadline of that kind if it were opened now,
 * computed by the engine from the jurisdiction profile and the working-day calendar.
 */
export interface TimeFacts<K extends string = string> {
  at: string;
  due: Record<K, string>;
}
