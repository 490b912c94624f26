import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from './search.dto';

export class PublicListQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) category?: string;
  @ApiPropertyOptional({ description: 'A handling unit' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ description: 'Classification code, e.g. A' }) @IsOptional() @IsString() @MaxLength(16) classification?: string;
  @ApiPropertyOptional({ description: 'Year of the session' }) @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1949) @Max(2999) year?: number;
}

/** Open data takes the same filters, without paging: the whole disclosed set. */
export class OpenDataQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1949) @Max(2999) year?: number;
}
