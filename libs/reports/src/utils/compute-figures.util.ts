import { FIGURE_DEFINITIONS, FigureKey } from '../constants/figure-definitions.constant';

export type Satisfaction = 'SATISFIED' | 'BASICALLY_SATISFIED' | 'UNSATISFIED';
export type KeyResult = 'PASSED' | 'FAILED' | 'PENDING';

export interface SuggestionFact {
  id: string;
  sessionId: string;
  delegationId: string | null;
  leadDeputyId: string;
  withdrawnAt: Date | null;
  /** Null when not a key suggestion as of the date. */
  key: KeyResult | null;
}
export interface AssignmentFact { suggestionId: string; unitId: string; round: number; role: string; assignedAt: Date; replyDueAt: Date | null; active: boolean }
export interface ReplyFact { suggestionId: string; unitId: string; round: number; classification: string; isFollowUp: boolean; precededByContact: boolean; onTime: boolean; repliedAt: Date }
export interface FeedbackFact { suggestionId: string; deputyId: string; round: number; result: Satisfaction | null }

/** Everything as of one instant: rows after it are already left out. */
export interface Facts {
  asOf: Date;
  suggestions: SuggestionFact[];
  assignments: AssignmentFact[];
  replies: ReplyFact[];
  feedback: FeedbackFact[];
}

export interface ClassRules {
  /** Best first. */
  order: string[];
  solved: string[];
  planned: string[];
}

export interface Figure {
  value: number | null;
  numerator?: number;
  denominator?: number;
  definition: string;
}

export type Figures = Record<FigureKey, Figure>;

/** One handled item: a suggestion (for jurisdiction, session, delegation, deputy) or one unit's part in it. */
interface Item {
  replied: boolean;
  onTime: boolean;
  overdueOpen: boolean;
  days: number | null;
  classification: string | null;
  first: Satisfaction[];
  final: Satisfaction[];
  replies: number;
  repliesWithContact: number;
  key: KeyResult | null;
}

const DAY_MS = 86_400_000;
const replying = (a: AssignmentFact) => a.role !== 'CO';

/** Indexes the facts once, then derives items per suggestion or per (suggestion, unit). */
export class FigureCalculator {
  private readonly assignmentsOf: Map<string, AssignmentFact[]>;
  private readonly repliesOf: Map<string, ReplyFact[]>;
  private readonly feedbackOf: Map<string, FeedbackFact[]>;

  constructor(
    private readonly facts: Facts,
    private readonly rules: ClassRules,
  ) {
    this.assignmentsOf = groupBy(facts.assignments, (a) => a.suggestionId);
    this.repliesOf = groupBy(facts.replies, (r) => r.suggestionId);
    this.feedbackOf = groupBy(facts.feedback, (f) => f.suggestionId);
  }

  /** Figures over suggestions, grouped by `keyOf` (jurisdiction, session, delegation, lead deputy). */
  bySuggestion(keyOf: (s: SuggestionFact) => string | null, groups: string[]): Map<string, Figures> {
    const items = new Map<string, Item[]>(groups.map((group) => [group, []]));
    for (const suggestion of this.facts.suggestions) {
      const group = keyOf(suggestion);
      const item = this.item(suggestion, null);
      if (group !== null && item) (items.get(group) ?? items.set(group, []).get(group)!).push(item);
    }
    return new Map([...items].map(([group, list]) => [group, aggregate(list, this.rules)]));
  }

  /** Figures per handling unit over its own lead or separate assignments. */
  byUnit(unitIds: string[]): Map<string, Figures> {
    const items = new Map<string, Item[]>(unitIds.map((unitId) => [unitId, []]));
    for (const suggestion of this.facts.suggestions) {
      const units = new Set(this.firstRound(suggestion.id).map((a) => a.unitId));
      for (const unitId of units) {
        const item = this.item(suggestion, unitId);
        if (item) (items.get(unitId) ?? items.set(unitId, []).get(unitId)!).push(item);
      }
    }
    return new Map([...items].map(([unitId, list]) => [unitId, aggregate(list, this.rules)]));
  }

  private firstRound(suggestionId: string, unitId: string | null = null): AssignmentFact[] {
    return (this.assignmentsOf.get(suggestionId) ?? []).filter((a) => a.round === 1 && a.active && replying(a) && (unitId === null || a.unitId === unitId));
  }

  private item(suggestion: SuggestionFact, unitId: string | null): Item | null {
    const units = this.firstRound(suggestion.id, unitId);
    if (units.length === 0) return null;
    const replies = (this.repliesOf.get(suggestion.id) ?? []).filter((r) => unitId === null || r.unitId === unitId);
    const firstReplies = units.map((a) => replies.find((r) => r.round === 1 && !r.isFollowUp && r.unitId === a.unitId));
    const replied = firstReplies.every((r) => r !== undefined);
    // Withdrawn before any reply: it was never handled, so it counts nowhere.
    if (suggestion.withdrawnAt && !replied) return null;
    const answered = firstReplies.filter((r): r is ReplyFact => r !== undefined);
    const lastReplyAt = Math.max(...answered.map((r) => r.repliedAt.getTime()));
    const assignedAt = Math.min(...units.map((a) => a.assignedAt.getTime()));
    const handled = replies.filter((r) => !r.isFollowUp);
    return {
      replied,
      onTime: replied && answered.every((r) => r.onTime),
      overdueOpen: !replied && units.some((a, i) => !firstReplies[i] && a.replyDueAt !== null && a.replyDueAt < this.facts.asOf),
      days: replied ? (lastReplyAt - assignedAt) / DAY_MS : null,
      classification: replied ? this.classification(suggestion.id, replies) : null,
      ...this.satisfaction(suggestion.id, unitId),
      replies: handled.length,
      repliesWithContact: handled.filter((r) => r.precededByContact).length,
      key: suggestion.key,
    };
  }

  /** The class as of the date: in the latest round replied, each unit's latest reply (follow-ups included); the worst of them. */
  private classification(suggestionId: string, replies: ReplyFact[]): string | null {
    const round = Math.max(...replies.filter((r) => !r.isFollowUp).map((r) => r.round));
    const units = new Set(replies.filter((r) => r.round === round && !r.isFollowUp).map((r) => r.unitId));
    const latest = [...units].map((unitId) => replies.filter((r) => r.unitId === unitId && r.round === round).sort((a, b) => b.repliedAt.getTime() - a.repliedAt.getTime())[0]);
    const rank = (code: string) => (this.rules.order.includes(code) ? this.rules.order.indexOf(code) : this.rules.order.length);
    return latest.map((r) => r.classification).sort((a, b) => rank(b) - rank(a))[0] ?? null;
  }

  private satisfaction(suggestionId: string, unitId: string | null): { first: Satisfaction[]; final: Satisfaction[] } {
    // A unit answers for the feedback of the rounds in which it was a replying unit.
    const handledRound = (round: number) =>
      unitId === null || (this.assignmentsOf.get(suggestionId) ?? []).some((a) => a.round === round && a.unitId === unitId && replying(a));
    const received = (this.feedbackOf.get(suggestionId) ?? []).filter((f) => f.result !== null);
    const latest = new Map<string, FeedbackFact>();
    for (const f of received) if ((latest.get(f.deputyId)?.round ?? 0) < f.round) latest.set(f.deputyId, f);
    return {
      first: received.filter((f) => f.round === 1 && handledRound(1)).map((f) => f.result as Satisfaction),
      final: [...latest.values()].filter((f) => handledRound(f.round)).map((f) => f.result as Satisfaction),
    };
  }
}

function aggregate(items: Item[], rules: ClassRules): Figures {
  const replied = items.filter((i) => i.replied);
  const onTime = items.filter((i) => i.onTime).length;
  const inClasses = (codes: string[]) => replied.filter((i) => i.classification !== null && codes.includes(i.classification)).length;
  const known = (codes: string[]) => codes.filter((code) => rules.order.includes(code));
  const satisfied = (list: Satisfaction[]) => list.filter((s) => s === 'SATISFIED').length;
  const atLeastBasically = (list: Satisfaction[]) => list.filter((s) => s !== 'UNSATISFIED').length;
  const first = items.flatMap((i) => i.first);
  const final = items.flatMap((i) => i.final);
  const days = replied.map((i) => i.days as number);
  const keys = items.filter((i) => i.key !== null);
  return {
    assigned: count('assigned', items.length),
    replied: count('replied', replied.length),
    repliedOnTime: count('repliedOnTime', onTime),
    replyRate: rate('replyRate', onTime, items.length),
    onTimeRate: rate('onTimeRate', onTime, replied.length),
    overdueOpen: count('overdueOpen', items.filter((i) => i.overdueOpen).length),
    repliedLate: count('repliedLate', replied.length - onTime),
    averageDaysToReply: { value: days.length ? round(days.reduce((a, b) => a + b, 0) / days.length, 1) : null, definition: FIGURE_DEFINITIONS.averageDaysToReply.definition },
    resolvedRate: rate('resolvedRate', inClasses(known(rules.solved)), replied.length),
    solvedOrPlannedRate: rate('solvedOrPlannedRate', inClasses(known([...rules.solved, ...rules.planned])), replied.length),
    satisfiedRateFirst: rate('satisfiedRateFirst', satisfied(first), first.length),
    satisfiedOrBasicallyRateFirst: rate('satisfiedOrBasicallyRateFirst', atLeastBasically(first), first.length),
    satisfiedRateFinal: rate('satisfiedRateFinal', satisfied(final), final.length),
    satisfiedOrBasicallyRateFinal: rate('satisfiedOrBasicallyRateFinal', atLeastBasically(final), final.length),
    contactRate: rate('contactRate', sum(items.map((i) => i.repliesWithContact)), sum(items.map((i) => i.replies))),
    keyCount: count('keyCount', keys.length),
    keyPassed: count('keyPassed', keys.filter((i) => i.key === 'PASSED').length),
    keyFailed: count('keyFailed', keys.filter((i) => i.key === 'FAILED').length),
    keyPending: count('keyPending', keys.filter((i) => i.key === 'PENDING').length),
  };
}

const count = (key: FigureKey, value: number): Figure => ({ value, definition: FIGURE_DEFINITIONS[key].definition });
const rate = (key: FigureKey, numerator: number, denominator: number): Figure => ({
  value: denominator === 0 ? null : round(numerator / denominator, 4),
  numerator,
  denominator,
  definition: FIGURE_DEFINITIONS[key].definition,
});
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
export const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function groupBy<T>(list: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of list) (map.get(keyOf(item)) ?? map.set(keyOf(item), []).get(keyOf(item))!).push(item);
  return map;
}
