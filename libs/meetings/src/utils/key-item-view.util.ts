import type { KeyItemRow } from '../repositories/key-item.repository';

/** Handling states in which a suggestion may still be chosen as key (the machine refuses MARK_KEY elsewhere). */
const OPEN_HANDLING_STATES = ['awaitingAssignment', 'inProgress', 'awaitingFeedback', 'awaitingRehandling', 'followUp', 'awaitingClose'];

/** A deadline this close is flagged so the leader can push before it passes. */
export const DUE_SOON_DAYS = 7;

export function isOpenForKeyTrack(state: string): boolean {
  return OPEN_HANDLING_STATES.includes(state);
}

export function groupByTopic(items: KeyItemRow[]): Array<{ topic: string | null; suggestionIds: string[] }> {
  const groups = new Map<string | null, string[]>();
  for (const item of items) groups.set(item.topic, [...(groups.get(item.topic) ?? []), item.suggestionId]);
  return [...groups.entries()].map(([topic, suggestionIds]) => ({ topic, suggestionIds }));
}

export interface Warning {
  level: 'OVERDUE' | 'DUE_SOON' | 'VOTE_FAILED';
  message: string;
}

type PerSuggestion = Array<{ suggestionId: string; [field: string]: unknown }>;

const of = <T extends { suggestionId: string }>(rows: T[], id: string) =>
  rows.filter((row) => row.suggestionId === id).map(({ suggestionId: _id, ...rest }) => rest);

/** One key item as its leader sees it, with the warnings that need their attention first. */
export function leaderItemView(parts: {
  item: KeyItemRow;
  userId: string;
  now: Date;
  assignments: PerSuggestion;
  deadlines: Array<{ suggestionId: string; kind: string; dueAt: Date; [field: string]: unknown }>;
  contacts: PerSuggestion;
  replies: PerSuggestion;
  hearings: PerSuggestion;
  votes: PerSuggestion;
}) {
  const { item, now } = parts;
  const id = item.suggestionId;
  const deadlines = parts.deadlines
    .filter((d) => d.suggestionId === id)
    .map(({ suggestionId: _id, ...d }) => {
      const daysLeft = Math.floor((new Date(d.dueAt).getTime() - now.getTime()) / 86_400_000);
      return { ...d, kind: d.kind, dueAt: d.dueAt, daysLeft, overdue: daysLeft < 0 };
    });
  const assignments = of(parts.assignments, id);
  const warnings: Warning[] = [];
  if (item.overdue || assignments.some((a) => a.overdue === true && a.classification === null)) {
    warnings.push({ level: 'OVERDUE', message: 'a handling unit has not replied by its deadline' });
  }
  for (const d of deadlines) {
    if (d.overdue) warnings.push({ level: 'OVERDUE', message: `${d.kind} was due ${new Date(d.dueAt).toISOString()}` });
    else if (d.daysLeft <= DUE_SOON_DAYS) warnings.push({ level: 'DUE_SOON', message: `${d.kind} is due in ${d.daysLeft} days` });
  }
  if (item.lastVotePassed === false) warnings.push({ level: 'VOTE_FAILED', message: 'the satisfaction vote failed; report again to the council' });
  return {
    ...item,
    role: item.leadingLeaderId === parts.userId ? ('LEADING' as const) : ('SUPERVISING' as const),
    assignments,
    openDeadlines: deadlines,
    contacts: of(parts.contacts, id),
    replies: of(parts.replies, id),
    hearings: of(parts.hearings, id),
    votes: of(parts.votes, id),
    warnings,
  };
}
