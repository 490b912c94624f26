import { resolveProfile } from './resolve-profile.util';
import { toSuggestionRules } from './to-suggestion-rules.util';

describe(toSuggestionRules.name, () => {
  it('maps the default profile to the machine rules', () => {
    expect(toSuggestionRules(resolveProfile({}))).toEqual({
      classifications: ['A', 'B', 'C', 'D'],
      solvedClassifications: ['A'],
      followUpClassifications: ['B', 'C'],
      maxRehandlingRounds: 1,
      requireContactBeforeReply: true,
      requireCoUnitOpinionsBeforeReply: true,
      rehandlingTrigger: 'EITHER',
    });
  });

  it('keeps the classification order of the profile', () => {
    const profile = resolveProfile({
      classifications: [
        { code: '甲', label: '已解决' },
        { code: '乙', label: '计划解决' },
        { code: '丙', label: '留作参考' },
      ],
      solvedClassifications: ['甲'],
      followUpClassifications: ['乙'],
      maxRehandlingRounds: 2,
      rehandlingTrigger: 'RESULT',
    });

    expect(toSuggestionRules(profile)).toMatchObject({
      classifications: ['甲', '乙', '丙'],
      solvedClassifications: ['甲'],
      followUpClassifications: ['乙'],
      maxRehandlingRounds: 2,
      rehandlingTrigger: 'RESULT',
    });
  });

  it('copies arrays so a persisted snapshot does not alias the profile', () => {
    const profile = resolveProfile({});
    const rules = toSuggestionRules(profile);

    rules.solvedClassifications.push('B');

    expect(profile.solvedClassifications).toEqual(['A']);
  });
});
