import { Injectable } from '@nestjs/common';
import { JurisdictionProfile, resolveProfile } from '@app/profiles';
import { addCalendarDays, computeDueDates, endOfLocalDay, toLocalDate, WorkingDayCalendar } from '@app/deadlines';
import { AccountsException, AccountsExceptionCode } from '../exceptions/accounts.exception';
import { DirectoryRepository } from '../repositories/directory.repository';

/** One local day as instants, with the due dates of anything opened during it. */
interface DayDueDates {
  startsAt: number;
  endsAt: number;
  due: Record<string, string>;
}

interface ResolvedProfile {
  profile: JurisdictionProfile;
  calendar: WorkingDayCalendar;
  /** Every event carries the due dates, and they change only when the local day does. */
  dueDatesByDay: DayDueDates[];
}

/** Days of due dates kept per jurisdiction; events cluster on today (and a test clock's few days). */
const DUE_DATE_DAYS_CACHED = 8;

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
    const { profile, calendar, dueDatesByDay } = await this.resolve(jurisdictionId);
    // Due instants depend on the local start day only (each is the end of a local day), so a day's set is reusable;
    // the day is found by comparing instants, as naming the local day of every event cost more than the rest.
    const instant = at.getTime();
    let day = dueDatesByDay.find((known) => known.startsAt <= instant && instant <= known.endsAt);
    if (!day) {
      const date = toLocalDate(at, profile.timezone);
      day = {
        startsAt: endOfLocalDay(addCalendarDays(date, -1), profile.timezone).getTime() + 1,
        endsAt: endOfLocalDay(date, profile.timezone).getTime(),
        due: computeDueDates({ from: at, profile, calendar }),
      };
      if (dueDatesByDay.length >= DUE_DATE_DAYS_CACHED) dueDatesByDay.length = 0;
      dueDatesByDay.push(day);
    }
    return { ...day.due };
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
    return { profile, calendar, dueDatesByDay: [] };
  }
}
