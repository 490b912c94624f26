import { DEFAULT_PROFILE, DeadlineUnit } from '@app/profiles';
import { livelihoodDueDates } from './livelihood-due-dates.util';

describe(livelihoodDueDates.name, () => {
  it('counts the progress report from the profile, to the end of a local day', () => {
    // Default: every 3 months; due at 23:59:59.999 Asia/Shanghai.
    expect(livelihoodDueDates(new Date('2026-03-10T02:00:00Z'), DEFAULT_PROFILE)).toEqual({ PROGRESS_REPORT: '2026-06-10T15:59:59.999Z' });
  });

  it('follows a jurisdiction that reports in working days', () => {
    const profile = { ...DEFAULT_PROFILE, livelihood: { ...DEFAULT_PROFILE.livelihood, progressReport: { amount: 5, unit: DeadlineUnit.WORKING_DAYS } } };
    // Tuesday 2026-03-10 + 5 working days = Tuesday 2026-03-17.
    expect(livelihoodDueDates(new Date('2026-03-10T02:00:00Z'), profile).PROGRESS_REPORT).toBe('2026-03-17T15:59:59.999Z');
  });
});
