import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export const SUGGESTION_STATES = [
  'draft', 'review', 'awaitingAssignment', 'inProgress', 'awaitingFeedback', 'awaitingRehandling', 'followUp',
  'awaitingClose', 'closed', 'merged', 'convertedToLetter', 'rejected', 'withdrawn',
] as const;

export class ListSuggestionsQueryDto {
  @ApiPropertyOptional({ enum: SUGGESTION_STATES }) @IsOptional() @IsIn(SUGGESTION_STATES) state?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() deputyId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() delegationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) category?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean() key?: boolean;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(100_000) page: number = 1;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(200) pageSize: number = 20;
}
