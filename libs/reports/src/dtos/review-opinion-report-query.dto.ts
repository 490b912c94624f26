import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { ReportFormatDto } from './report-query.dto';

export class ReviewOpinionReportQueryDto extends ReportFormatDto {
  @ApiPropertyOptional({ description: 'Lists assigned in this calendar year (local time); default the year of asOf' })
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(2000) @Max(2999) year?: number;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD (end of that day, local time) or an ISO instant; default now' })
  @IsOptional() @IsISO8601({ strict: true }) asOf?: string;
}
