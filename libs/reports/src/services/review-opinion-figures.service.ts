import { Injectable } from '@nestjs/common';
import { AsOfService, type AuthUser } from '@app/accounts';
import { REVIEW_ITEM_FIGURE_KEYS, REVIEW_OPINION_FIGURE_DEFINITIONS } from '../constants/review-opinion-figure-definitions.constant';
import { ReviewOpinionReportQueryDto } from '../dtos/review-opinion-report-query.dto';
import { TenantScope } from '../repositories/report-facts.repository';
import { ReviewOpinionFactsRepository } from '../repositories/review-opinion-facts.repository';
import { checkReportReader } from '../utils/report-access.util';
import { ReportTable } from '../utils/report-table.util';
import { reviewOpinionFigures } from '../utils/review-opinion-figures.util';

export type ReviewOpinionSection = Awaited<ReturnType<ReviewOpinionFiguresService['section']>>;

/** The review-opinion lists (审议意见清单制) in the year's figures: items closed on time, sent back, reports and votes. */
@Injectable()
export class ReviewOpinionFiguresService {
  constructor(
    private readonly facts: ReviewOpinionFactsRepository,
    private readonly calendar: AsOfService,
  ) {}

  async figures(user: AuthUser, dto: ReviewOpinionReportQueryDto): Promise<ReviewOpinionSection> {
    checkReportReader(user);
    return this.section(user, await this.calendar.asOf(user.jurisdictionId, dto.asOf), dto.year);
  }

  /** Lists assigned in the local calendar year (by default the year of `asOf`), counted as they stood at `asOf`. */
  async section(scope: TenantScope, asOf: Date, year?: number) {
    const localYear = year ?? Number((await this.calendar.localDate(scope.jurisdictionId, asOf)).slice(0, 4));
    const period = await this.calendar.year(scope.jurisdictionId, localYear);
    const { lists, items } = await this.facts.facts(scope, period, asOf);
    return { year: period.year, asOf: asOf.toISOString(), definitions: REVIEW_OPINION_FIGURE_DEFINITIONS, ...reviewOpinionFigures(lists, items) };
  }

  /** One row per unit and a total row; the lists' reports and votes in the subtitle. */
  table(result: ReviewOpinionSection, localDate: string): ReportTable {
    const { total } = result;
    return {
      title: `${result.year}年审议意见清单办理统计`,
      subtitle:
        `截至 ${localDate}；清单 ${total.lists} 件，书面报告已报送 ${total.reportsSubmitted}、逾期 ${total.reportsOverdue}；` +
        `满意度测评通过 ${total.votePassed}、未通过 ${total.voteFailed}、待测评 ${total.votePending}`,
      columns: [
        { key: 'unitName', header: '承办单位 unit', format: 'text', width: 28 },
        ...REVIEW_ITEM_FIGURE_KEYS.map((key) => {
          const { name, kind, definition } = REVIEW_OPINION_FIGURE_DEFINITIONS[key];
          return { key, header: name, definition, format: kind === 'rate' ? ('percent' as const) : ('int' as const) };
        }),
      ],
      rows: [...result.units, { ...total, unitName: '合计 total' }],
    };
  }
}
