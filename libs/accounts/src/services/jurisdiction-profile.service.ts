import { Injectable } from '@nestjs/common';
import { JurisdictionProfile, resolveProfile } from '@app/profiles';
import { computeDueDates, WorkingDayCalendar } from '@app/deadlines';
import { AccountsException, AccountsExceptionCode } from '../exceptions/accounts.exception';
import { DirectoryRepository } from '../repositories/directory.repository';

interface ResolvedProfile {
  profile: JurisdictionProfile;
  calendar: WorkingDayCalendar;
}

/**
 * Each jurisdiction's resolved, validated profile and its working-day calendar. Profiles are read-only at run time,
 * so they are resolved once per process; `validateAll` runs at start-up and refuses to boot on a bad one.
 */
@Injectable()
export class JurisdictionProfileService {
  private readonly cache = new Map<string, Promise<ResolvedProfile>>();

  constructor(private readonly directory: DirectoryRepository) {}

  async validateAll(): Promise<number> {
    const jurisdictions = await this.directory.allJurisdictions();
    for (const jurisdiction of jurisdictions) resolveProfile(jurisdiction.profile, `jurisdictions[${jurisdiction.code}].profile`);
    return jurisdictions.length;
  }

  async getProfile(jurisdictionId: string): Promise<JurisdictionProfile> {
    return (await this.resolve(jurisdictionId)).profile;
  }

  async dueDates(jurisdictionId: string, at: Date): Promise<Record<string, string>> {
    const { profile, calendar } = await this.resolve(jurisdictionId);
    return computeDueDates({ from: at, profile, calendar });
  }

  private resolve(jurisdictionId: string): Promise<ResolvedProfile> {
    let resolved = this.cache.get(jurisdictionId);
    if (!resolved) {
      resolved = this.load(jurisdictionId);
      this.cache.set(jurisdictionId, resolved);
      resolved.catch(() => this.cache.delete(jurisdictionId));
    }
    return resolved;
  }

  private async load(jurisdictionId: string): Promise<ResolvedProfile> {
    const jurisdiction = await this.directory.findJurisdiction(jurisdictionId);
    if (!jurisdiction) throw new AccountsException(AccountsExceptionCode.JURISDICTION_NOT_FOUND, 'Jurisdiction not found');
    const profile = resolveProfile(jurisdiction.profile, `jurisdictions[${jurisdiction.code}].profile`);
    const calendar = new WorkingDayCalendar({
      extraHolidays: profile.calendar.extraHolidays,
      extraWorkdays: profile.calendar.extraWorkdays,
      timezone: profile.timezone,
    });
    return { profile, calendar };
  }
}
