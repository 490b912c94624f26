import { Injectable } from '@nestjs/common';
import { AsOfService, type AuthUser } from '@app/accounts';
import { AsOfQueryDto, FiguresQueryDto, PerformanceQueryDto } from '../dtos/report-query.dto';
import { ReviewOpinionReportQueryDto } from '../dtos/review-opinion-report-query.dto';
import { FiguresService } from './figures.service';
import { PerformanceService } from './performance.service';
import { RenderedReport, ReportRenderer } from './report-renderer.service';
import { ReviewOpinionFiguresService } from './review-opinion-figures.service';

/** Every report in the format asked for. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly figures: FiguresService,
    private readonly performance: PerformanceService,
    private readonly renderer: ReportRenderer,
    private readonly calendar: AsOfService,
    private readonly reviewOpinions: ReviewOpinionFiguresService,
  ) {}

  async figuresReport(user: AuthUser, dto: FiguresQueryDto): Promise<RenderedReport> {
    const result = await this.figures.figures(user, dto);
    const date = await this.calendar.localDate(user.jurisdictionId, new Date(result.asOf));
    return this.renderer.render(dto.format, result, () => this.figures.figuresTable(result, date), `figures-${dto.groupBy.toLowerCase()}-${date}`);
  }

  async scoreboardReport(user: AuthUser, dto: AsOfQueryDto): Promise<RenderedReport> {
    const result = await this.figures.unitScoreboard(user, dto);
    const date = await this.calendar.localDate(user.jurisdictionId, new Date(result.asOf));
    return this.renderer.render(dto.format, result, () => this.figures.scoreboardTable(result, date), `unit-scoreboard-${date}`);
  }

  async keyReport(user: AuthUser, dto: AsOfQueryDto): Promise<RenderedReport> {
    const result = await this.figures.keySuggestions(user, dto);
    const date = await this.calendar.localDate(user.jurisdictionId, new Date(result.asOf));
    return this.renderer.render(dto.format, result, () => this.figures.keyTable(result, date), `key-suggestions-${date}`);
  }

  async reviewOpinionsReport(user: AuthUser, dto: ReviewOpinionReportQueryDto): Promise<RenderedReport> {
    const result = await this.reviewOpinions.figures(user, dto);
    const date = await this.calendar.localDate(user.jurisdictionId, new Date(result.asOf));
    return this.renderer.render(dto.format, result, () => this.reviewOpinions.table(result, date), `review-opinions-${result.year}-${date}`);
  }

  async performanceReport(user: AuthUser, dto: PerformanceQueryDto, own = false): Promise<RenderedReport> {
    const result = own ? await this.performance.own(user, dto) : await this.performance.record(user, dto);
    return this.renderer.render(dto.format, result, () => this.performance.table(result), `deputy-performance-${result.year}`);
  }
}
