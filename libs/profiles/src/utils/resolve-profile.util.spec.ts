import { DEFAULT_PROFILE } from '../constants/default-profile.constant';
import { DeadlineRule, DeadlineRules } from '../dtos/deadline-rules.dto';
import { Classification } from '../dtos/classification.dto';
import { JurisdictionProfile } from '../dtos/jurisdiction-profile.dto';
import { InvalidProfileError } from '../exceptions/invalid-profile.error';
import { DeadlineUnit } from '../profile.types';
import { resolveProfile } from './resolve-profile.util';

function errorsOf(overrides: unknown, path?: string): string[] {
  try {
    resolveProfile(overrides, path);
  } catch (error) {
    if (error instanceof InvalidProfileError) return error.errors;
    throw error;
  }
  throw new Error('expected an InvalidProfileError');
}

describe(resolveProfile.name, () => {
  describe('defaults', () => {
    it.each([undefined, null, {}])('accepts %p as "all defaults"', (overrides) => {
      const profile = resolveProfile(overrides);

      expect(profile).toBeInstanceOf(JurisdictionProfile);
      expect(JSON.parse(JSON.stringify(profile))).toEqual(DEFAULT_PROFILE);
    });

    it('builds nested class instances', () => {
      const profile = resolveProfile({});

      expect(profile.deadlines).toBeInstanceOf(DeadlineRules);
      expect(profile.deadlines.REPLY).toBeInstanceOf(DeadlineRule);
      expect(profile.classifications[0]).toBeInstanceOf(Classification);
    });

    it('never hands out or mutates the shared defaults', () => {
      const profile = resolveProfile({});
      profile.categories.push('新类别');
      profile.deadlines.REPLY.amount = 9;

      expect(Object.isFrozen(DEFAULT_PROFILE.deadlines.REPLY)).toBe(true);
      expect(resolveProfile({}).categories).not.toContain('新类别');
      expect(resolveProfile({}).deadlines.REPLY.amount).toBe(3);
    });
  });

  describe('merging', () => {
    it('merges nested objects key by key', () => {
      const profile = resolveProfile({ deadlines: { REPLY: { amount: 2 } }, vote: { inviteDeputies: true } });

      expect(profile.deadlines.REPLY).toEqual({ amount: 2, unit: DeadlineUnit.MONTHS });
      expect(profile.deadlines.REPLY_MAX).toEqual({ amount: 6, unit: DeadlineUnit.MONTHS });
      expect(profile.vote).toEqual({ failWhenUnsatisfiedExceedsShare: 0.5, inviteDeputies: true });
    });

    it('replaces arrays instead of merging them', () => {
      const profile = resolveProfile({
        reminderOffsetsDays: [3],
        classifications: [
          { code: '甲', label: '已解决' },
          { code: '乙', label: '计划解决' },
          { code: '丙', label: '留作参考' },
        ],
        solvedClassifications: ['甲'],
        followUpClassifications: ['乙'],
      });

      expect(profile.reminderOffsetsDays).toEqual([3]);
      expect(profile.classifications.map((classification) => classification.code)).toEqual(['甲', '乙', '丙']);
    });

    it('does not modify the overrides it was given', () => {
      const overrides = { deadlines: { REPLY: { amount: 2 } }, categories: ['其他'] };
      const snapshot = structuredClone(overrides);

      resolveProfile(overrides).categories.push('x');

      expect(overrides).toEqual(snapshot);
    });
  });

  describe('field errors', () => {
    it('names a bad nested field by its full dotted path', () => {
      expect(errorsOf({ deadlines: { REPLY: { amount: 0 } } })).toEqual([
        'profile.deadlines.REPLY.amount must not be less than 1',
      ]);
    });

    it('uses the given root path', () => {
      expect(errorsOf({ maxRehandlingRounds: -1 }, 'jurisdictions.nantong.profile')).toEqual([
        'jurisdictions.nantong.profile.maxRehandlingRounds must not be less than 0',
      ]);
    });

    it('refuses an unknown field instead of dropping it', () => {
      expect(errorsOf({ deadlines: { REPLY: { amount: 3, unit: 'MONTHS', from: 'SESSION_CLOSE' } } })).toEqual([
        'profile.deadlines.REPLY.from is not a known field',
      ]);
    });

    it.each([
      [{ deadlinez: {} }, 'profile.deadlinez is not a known field'],
      [{ deadlines: { REPLY_EXTENDED: { amount: 1, unit: 'MONTHS' } } }, 'profile.deadlines.REPLY_EXTENDED is not a known field'],
      [JSON.parse('{"__proto__": {"polluted": true}}'), 'profile.__proto__ is not a known field'],
    ])('refuses unknown field in %j', (overrides, message) => {
      expect(errorsOf(overrides)).toEqual([message]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('lists every error at once', () => {
      const errors = errorsOf({
        deadlines: { ADJUSTMENT: { amount: 1.5, unit: 'WEEKS' } },
        reminderOffsetsDays: [7, 7, -1],
        classifications: [{ code: '', label: '解决' }, { code: 'B' }],
        timezone: 'Mars/Olympus',
        calendar: { extraHolidays: ['2026-02-30', '2026/03/01'] },
        vote: { failWhenUnsatisfiedExceedsShare: 1.5 },
        rehandlingTrigger: 'NEVER',
      });

      expect(errors).toEqual(
        expect.arrayContaining([
          'profile.deadlines.ADJUSTMENT.amount must be an integer number',
          expect.stringMatching(/^profile\.deadlines\.ADJUSTMENT\.unit must be one of the following values/),
          'each value in profile.reminderOffsetsDays must be a positive number',
          "All profile.reminderOffsetsDays's elements must be unique",
          'profile.classifications.0.code should not be empty',
          'profile.classifications.1.label must be a string',
          'profile.classifications.1.label should not be empty',
          'profile.timezone must be a valid IANA time-zone',
          'each value in profile.calendar.extraHolidays must be a valid ISO 8601 date string',
          'each value in profile.calendar.extraHolidays must be a date as YYYY-MM-DD',
          'profile.vote.failWhenUnsatisfiedExceedsShare must not be greater than 1',
          expect.stringMatching(/^profile\.rehandlingTrigger must be one of the following values/),
        ]),
      );
      expect(errors).toHaveLength(12);
      expect(errors.every((error) => /^(each value in |All )?profile\./.test(error))).toBe(true);
    });

    it('says which value has the wrong type', () => {
      expect(errorsOf({ deadlines: { REPLY: 3 } })).toEqual([
        'nested property profile.deadlines.REPLY must be either object or array',
      ]);
    });

    it('refuses a profile that is not an object', () => {
      expect(errorsOf(['REPLY'])).toEqual(['profile must be an object']);
      expect(errorsOf('defaults')).toEqual(['profile must be an object']);
    });

    it('puts every error in the message', () => {
      expect(() => resolveProfile({ maxRehandlingRounds: -1, deputyYearlyMinimum: 'one' })).toThrow(
        /maxRehandlingRounds must not be less than 0[\s\S]*deputyYearlyMinimum must be an integer number/,
      );
    });
  });

  describe('cross-field checks', () => {
    it('refuses solved or follow-up codes that are not classification codes', () => {
      const errors = errorsOf({
        classifications: [
          { code: '甲', label: '已解决' },
          { code: '乙', label: '计划解决' },
        ],
      });

      expect(errors).toEqual([
        'profile.solvedClassifications must only contain classification codes (甲, 乙); unknown: A',
        'profile.followUpClassifications must only contain classification codes (甲, 乙); unknown: B, C',
      ]);
    });

    it('refuses a code that is both solved and follow-up', () => {
      expect(errorsOf({ followUpClassifications: ['A', 'B'] })).toEqual([
        'profile.followUpClassifications must not share items with solvedClassifications; both contain: A',
      ]);
    });

    it('refuses repeated classification codes', () => {
      expect(errorsOf({ classifications: [{ code: 'A', label: '甲' }, { code: 'A', label: '乙' }], followUpClassifications: [] })).toEqual([
        'profile.classifications must not repeat a code',
      ]);
    });

    it('refuses a maximum reply deadline shorter than the reply deadline', () => {
      expect(errorsOf({ deadlines: { REPLY_MAX: { amount: 60, unit: 'WORKING_DAYS' } } })).toEqual([
        'profile.deadlines.REPLY_MAX (60 WORKING_DAYS ≈ 84 days) must not be shorter than REPLY (3 MONTHS ≈ 90 days)',
      ]);
    });

    it('accepts a maximum reply deadline equal to the reply deadline in approximate days', () => {
      expect(() => resolveProfile({ deadlines: { REPLY_MAX: { amount: 90, unit: 'CALENDAR_DAYS' } } })).not.toThrow();
    });

    it('does not compare a malformed rule', () => {
      expect(errorsOf({ deadlines: { REPLY_MAX: { amount: 0 } } })).toEqual([
        'profile.deadlines.REPLY_MAX.amount must not be less than 1',
      ]);
    });

    it('refuses a date that is both an extra holiday and an extra working day', () => {
      expect(errorsOf({ calendar: { extraHolidays: ['2026-03-02'], extraWorkdays: ['2026-03-02'] } })).toEqual([
        'profile.calendar.extraWorkdays must not share items with extraHolidays; both contain: 2026-03-02',
      ]);
    });
  });
});
