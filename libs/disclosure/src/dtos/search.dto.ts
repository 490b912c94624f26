import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class PageQueryDto {
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(10_000) page: number = 1;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(100) pageSize: number = 20;
}

export class SearchQueryDto extends PageQueryDto {
  @ApiProperty({ description: 'Words in Chinese or other languages; every word must match (as itself or through its parts)', example: '公交站点' })
  @IsString() @IsNotEmpty() @MaxLength(200) q: string;

  @ApiPropertyOptional({ description: 'Staff search only: one session' }) @IsOptional() @IsUUID() sessionId?: string;
}

export class SimilarDraftDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) content?: string;
  @ApiProperty({ description: 'The session the draft is for; this and earlier sessions are compared' }) @IsUUID() sessionId: string;
}
