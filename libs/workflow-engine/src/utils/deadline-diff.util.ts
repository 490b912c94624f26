/** What a machine keeps in `context.deadlines`: the deadlines open in its current state, by key. */
export interface MachineDeadline {
  kind: string;
  dueAt: string;
  unitId: string | null;
}

export type MachineDeadlines = Record<string, MachineDeadline>;

export interface DeadlineDiff {
  opened: Array<MachineDeadline & { key: string }>;
  /** Keys that left the open set (or whose due date moved: they are closed and reopened). */
  closed: string[];
}

/** Compares the open deadlines before and after a transition; the engine mirrors the difference into rows. */
export function diffDeadlines(before: MachineDeadlines | undefined, after: MachineDeadlines | undefined): DeadlineDiff {
  const prev = before ?? {};
  const next = after ?? {};
  const opened: DeadlineDiff['opened'] = [];
  const closed: string[] = [];
  for (const [key, deadline] of Object.entries(next)) {
    const old = prev[key];
    if (!old) opened.push({ key, ...deadline });
    else if (old.dueAt !== deadline.dueAt || old.kind !== deadline.kind || old.unitId !== deadline.unitId) {
      closed.push(key);
      opened.push({ key, ...deadline });
    }
  }
  for (const key of Object.keys(prev)) if (!(key in next)) closed.push(key);
  return { opened, closed };
}
