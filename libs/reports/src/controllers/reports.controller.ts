import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '@app/accounts';
import { FIGURE_DEFINITIONS, PERFORMANCE_DEFINITIONS, SCORE_DEFINITION } from '../constants/figure-definitions.constant';
import { AsOfQueryDto, FiguresQueryDto, PerformanceQueryDto } from '../dtos/report-query.dto';
import { ReviewOpinionReportQueryDto } from '../dtos/review-opinion-report-query.dto';
import { RenderedReport } from '../services/report-renderer.service';
import { ReportsService } from '../services/reports.service';

/** Sends JSON as usual, or a download with its type and file name. */
function send(res: Response, rendered: RenderedReport): unknown {
  if (!rendered.contentType) return rendered.body;
  res.setHeader('Content-Type', rendered.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${rendered.filename}"`);
  // A Buffer returned as is would be serialised as JSON; a StreamableFile goes out as bytes.
  return Buffer.isBuffer(rendered.body) ? new StreamableFile(rendered.body) : rendered.body;
}

/** The year's figures; each as JSON, CSV (?format=csv) or a printable spreadsheet (?format=xlsx). */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('definitions')
  @ApiOperation({ summary: 'What every figure means (from domain.md)' })
  definitions() {
    return { figures: FIGURE_DEFINITIONS, performance: PERFORMANCE_DEFINITIONS, score: SCORE_DEFINITION };
  }

  @Get('figures')
  @ApiOperation({ summary: 'Reply, resolved, satisfaction and contact figures per jurisdiction, session, unit, delegation or deputy, as of a date' })
  async figures(@CurrentUser() user: AuthUser, @Query() query: FiguresQueryDto, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.reports.figuresReport(user, query));
  }

  @Get('unit-scoreboard')
  @ApiOperation({ summary: 'Units ranked by the score the profile configures (unitScoring)' })
  async scoreboard(@CurrentUser() user: AuthUser, @Query() query: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.reports.scoreboardReport(user, query));
  }

  @Get('key-suggestions')
  @ApiOperation({ summary: 'Key suggestions and their satisfaction-vote results, as of a date' })
  async key(@CurrentUser() user: AuthUser, @Query() query: AsOfQueryDto, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.reports.keyReport(user, query));
  }

  @Get('review-opinions')
  @ApiOperation({ summary: 'Review-opinion lists of a year: items closed, closed on time, sent back, overdue per unit; reports and votes' })
  async reviewOpinions(@CurrentUser() user: AuthUser, @Query() query: ReviewOpinionReportQueryDto, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.reports.reviewOpinionsReport(user, query));
  }

  @Get('deputies')
  @ApiOperation({ summary: 'Deputy performance record for a year, with the deputies below the yearly minimum' })
  async deputies(@CurrentUser() user: AuthUser, @Query() query: PerformanceQueryDto, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.reports.performanceReport(user, query));
  }

  @Get('deputies/me')
  @ApiOperation({ summary: "The calling deputy's own performance record" })
  async ownRecord(@CurrentUser() user: AuthUser, @Query() query: PerformanceQueryDto, @Res({ passthrough: true }) res: Response) {
    return send(res, await this.reports.performanceReport(user, query, true));
  }
}
