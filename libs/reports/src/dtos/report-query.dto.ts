import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const FIGURE_GROUPS = ['JURISDICTION', 'SESSION', 'UNIT', 'DELEGATION', 'DEPUTY'] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];

export class ReportFormatDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' }) @IsOptional() @IsIn(REPORT_FORMATS) format: ReportFormat = 'json';
}

export class AsOfQueryDto extends ReportFormatDto {
  @ApiPropertyOptional({ description: 'YYYY-MM-DD (end of that day, local time) or an ISO instant; default now' })
  @IsOptional() @IsISO8601({ strict: true }) asOf?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID() sessionId?: string;
}

export class FiguresQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ enum: FIGURE_GROUPS, default: 'JURISDICTION' }) @IsOptional() @IsIn(FIGURE_GROUPS) groupBy: FigureGroup = 'JURISDICTION';
}

export class PerformanceQueryDto extends ReportFormatDto {
  @ApiPropertyOptional({ description: 'Calendar year (local time); default this year' })
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(2000) @Max(2999) year?: number;
}
