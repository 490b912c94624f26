import { Injectable } from '@nestjs/common';
import { endOfLocalDay, toLocalDate } from '@app/deadlines';
import { Clock, invalidInput } from '@app/persistence';
import { JurisdictionProfileService } from './jurisdiction-profile.service';

/** Turns the `asOf` and `year` parameters into instants of the jurisdiction's own calendar. */
@Injectable()
export class AsOfService {
  constructor(
    private readonly clock: Clock,
    private readonly profiles: JurisdictionProfileService,
  ) {}

  /** A date means the end of that local day; an instant is taken as is; nothing means now. */
  async asOf(jurisdictionId: string, asOf?: string): Promise<Date> {
    if (!asOf) return this.clock.now();
    if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return endOfLocalDay(asOf, (await this.profiles.getProfile(jurisdictionId)).timezone);
    const instant = new Date(asOf);
    if (Number.isNaN(instant.getTime())) throw invalidInput([{ field: 'asOf', reason: 'must be YYYY-MM-DD or an ISO 8601 instant' }]);
    return instant;
  }

  /** [start, end) of a local calendar year; the current year when none is given. */
  async year(jurisdictionId: string, year?: number): Promise<{ year: number; from: Date; to: Date }> {
    const zone = (await this.profiles.getProfile(jurisdictionId)).timezone;
    const y = year ?? Number(toLocalDate(this.clock.now(), zone).slice(0, 4));
    const from = new Date(endOfLocalDay(`${y - 1}-12-31`, zone).getTime() + 1);
    const to = new Date(endOfLocalDay(`${y}-12-31`, zone).getTime() + 1);
    return { year: y, from, to };
  }

  async localDate(jurisdictionId: string, instant: Date): Promise<string> {
    return toLocalDate(instant, (await this.profiles.getProfile(jurisdictionId)).timezone);
  }
}
