import { Injectable } from '@nestjs/common';
import { AsOfService, type AuthUser } from '@app/accounts';
import { LivelihoodPublicService } from '@app/livelihood-projects';

/**
 * The livelihood projects (民生实事项目) in the year's figures: the vote of the local year of `asOf`, its projects chosen,
 * progress reports on time, projects completed and satisfaction, as counted by their own domain as of `asOf`.
 */
@Injectable()
export class LivelihoodFiguresSection {
  constructor(
    private readonly livelihood: LivelihoodPublicService,
    private readonly calendar: AsOfService,
  ) {}

  async section(user: AuthUser, asOf: Date) {
    const year = Number((await this.calendar.localDate(user.jurisdictionId, asOf)).slice(0, 4));
    return this.livelihood.figuresAsOf(user, year, asOf);
  }
}
