import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { LivelihoodPublicService } from '@app/livelihood-projects';
import { AsOfService } from './as-of.service';

/**
 * The livelihood projects (民生实事项目) in the year's figures: the vote of the local year of `asOf`, its projects chosen,
 * progress reports on time, projects completed and satisfaction, as counted by their own domain (as they stand now).
 */
@Injectable()
export class LivelihoodFiguresSection {
  constructor(
    private readonly livelihood: LivelihoodPublicService,
    private readonly calendar: AsOfService,
  ) {}

  async section(user: AuthUser, asOf: Date) {
    const year = Number((await this.calendar.localDate(user.jurisdictionId, asOf)).slice(0, 4));
    return this.livelihood.figures(user, { year });
  }
}
