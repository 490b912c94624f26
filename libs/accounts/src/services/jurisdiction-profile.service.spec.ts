import { resolveProfile } from '@app/profiles';
import { computeDueDates, WorkingDayCalendar } from '@app/deadlines';
import type { DirectoryRepository } from '../repositories/directory.repository';
import { JurisdictionProfileService } from './jurisdiction-profile.service';

describe(JurisdictionProfileService.name, () => {
  const directory = { findJurisdiction: jest.fn().mockResolvedValue({ id: 'j-1', code: 'county', profile: {} }) };
  const service = new JurisdictionProfileService(directory as unknown as DirectoryRepository);
  const profile = resolveProfile({}, 'profile');
  const calendar = new WorkingDayCalendar({ extraHolidays: profile.calendar.extraHolidays, extraWorkdays: profile.calendar.extraWorkdays, timezone: profile.timezone });
  const computed = (at: string) => computeDueDates({ from: new Date(at), profile, calendar });

  describe('dueDates', () => {
    // Asia/Shanghai: 2026-03-02 runs from 2026-03-01T16:00Z to 2026-03-02T15:59:59.999Z.
    it.each([
      ['the first instant of a local day', '2026-03-01T16:00:00.000Z'],
      ['its morning, after the day was computed', '2026-03-02T01:30:00.000Z'],
      ['its last instant', '2026-03-02T15:59:59.999Z'],
      ['the next local day', '2026-03-02T16:00:00.000Z'],
      ['the day before, after later days were computed', '2026-03-01T15:59:59.999Z'],
    ])('gives what the calendar computes for %s', async (_name, at) => {
      expect(await service.dueDates('j-1', new Date(at))).toEqual(computed(at));
    });

    it('hands out copies, so a caller cannot change the kept set', async () => {
      const first = await service.dueDates('j-1', new Date('2026-03-02T02:00:00.000Z'));
      for (const key of Object.keys(first)) first[key] = 'changed';
      expect(await service.dueDates('j-1', new Date('2026-03-02T03:00:00.000Z'))).toEqual(computed('2026-03-02T03:00:00.000Z'));
    });
  });
});
