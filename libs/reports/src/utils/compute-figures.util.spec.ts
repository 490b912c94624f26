import { Facts, FigureCalculator } from './compute-figures.util';

const at = (day: number) => new Date(Date.UTC(2026, 2, 10 + day));
const rules = { order: ['A', 'B', 'C', 'D'], solved: ['A'], planned: ['B'] };
const suggestion = (id: string, extra: object = {}) => ({ id, sessionId: 's', delegationId: 'd', leadDeputyId: 'p', withdrawnAt: null, key: null, ...extra });
const lead = (suggestionId: string, unitId = 'u1', round = 1) => ({ suggestionId, unitId, round, role: 'LEAD', assignedAt: at(0), replyDueAt: at(90), active: true });
const reply = (suggestionId: string, extra: object = {}) => ({
  suggestionId, unitId: 'u1', round: 1, classification: 'A', isFollowUp: false, precededByContact: true, onTime: true, repliedAt: at(30), ...extra,
});

function figures(facts: Partial<Facts>, asOfDay = 100) {
  const calculator = new FigureCalculator({ asOf: at(asOfDay), suggestions: [], assignments: [], replies: [], feedback: [], ...facts }, rules);
  return calculator.bySuggestion(() => 'all', ['all']).get('all')!;
}

describe(FigureCalculator.name, () => {
  it('counts reply rate as replied on time ÷ assigned, and on-time rate over replied', () => {
    const f = figures({
      suggestions: ['a', 'b', 'c', 'd'].map((id) => suggestion(id)),
      assignments: ['a', 'b', 'c', 'd'].map((id) => lead(id)),
      replies: [reply('a'), reply('b', { onTime: false, repliedAt: at(95) })],
    });
    expect([f.assigned.value, f.replied.value, f.repliedOnTime.value, f.replyRate.value, f.onTimeRate.value]).toEqual([4, 2, 1, 0.25, 0.5]);
    expect([f.overdueOpen.value, f.repliedLate.value, f.averageDaysToReply.value]).toEqual([2, 1, 62.5]);
    expect(f.replyRate).toMatchObject({ numerator: 1, denominator: 4, definition: 'replied on time ÷ assigned' });
  });

  it('leaves out suggestions withdrawn before a reply, but keeps one withdrawn after', () => {
    const f = figures({
      suggestions: [suggestion('a', { withdrawnAt: at(10) }), suggestion('b', { withdrawnAt: at(40) })],
      assignments: [lead('a'), lead('b')],
      replies: [reply('b')],
    });
    expect([f.assigned.value, f.replied.value]).toEqual([1, 1]);
  });

  it('uses the worst class of separate replies, and a later follow-up reply', () => {
    const f = figures({
      suggestions: [suggestion('a'), suggestion('b')],
      assignments: [{ ...lead('a'), role: 'SEPARATE' }, { ...lead('a', 'u2'), role: 'SEPARATE' }, lead('b')],
      replies: [reply('a'), reply('a', { unitId: 'u2', classification: 'C' }), reply('b', { classification: 'B' }), reply('b', { classification: 'A', isFollowUp: true, repliedAt: at(60) })],
    });
    expect([f.resolvedRate.value, f.solvedOrPlannedRate.value]).toEqual([0.5, 0.5]);
    expect(figures({ suggestions: [suggestion('b')], assignments: [lead('b')], replies: [reply('b', { classification: 'B' })] }).resolvedRate.value).toBe(0);
  });

  it('takes first-round satisfaction and each proposer’s latest feedback received as final; none given is not received', () => {
    const f = figures({
      suggestions: [suggestion('a')],
      assignments: [lead('a'), lead('a', 'u1', 2)],
      replies: [reply('a'), reply('a', { round: 2, repliedAt: at(70) })],
      feedback: [
        { suggestionId: 'a', deputyId: 'p', round: 1, result: 'UNSATISFIED' },
        { suggestionId: 'a', deputyId: 'q', round: 1, result: 'BASICALLY_SATISFIED' },
        { suggestionId: 'a', deputyId: 'p', round: 2, result: 'SATISFIED' },
        { suggestionId: 'a', deputyId: 'q', round: 2, result: null },
      ],
    });
    expect([f.satisfiedRateFirst.value, f.satisfiedOrBasicallyRateFirst.value]).toEqual([0, 0.5]);
    expect([f.satisfiedRateFinal.value, f.satisfiedOrBasicallyRateFinal.value]).toEqual([0.5, 1]);
    expect(f.contactRate).toMatchObject({ value: 1, numerator: 2, denominator: 2 });
  });

  it('gives no rate when there is nothing to divide by', () => {
    const f = figures({});
    expect([f.replyRate.value, f.averageDaysToReply.value, f.assigned.value]).toEqual([null, null, 0]);
  });

  it('counts a unit only for its own part', () => {
    const calculator = new FigureCalculator(
      {
        asOf: at(100), suggestions: [suggestion('a')], feedback: [],
        assignments: [{ ...lead('a'), role: 'SEPARATE' }, { ...lead('a', 'u2'), role: 'SEPARATE' }],
        replies: [reply('a', { unitId: 'u2', classification: 'D' })],
      },
      rules,
    );
    const units = calculator.byUnit(['u1', 'u2', 'u3']);
    expect([units.get('u1')!.replied.value, units.get('u2')!.replied.value, units.get('u3')!.assigned.value]).toEqual([0, 1, 0]);
    expect(units.get('u2')!.resolvedRate.value).toBe(0);
  });
});
