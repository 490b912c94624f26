import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class MarkRedactionDto {
  @ApiProperty({ description: 'The exact passage to hide; every occurrence in the title, content, replies and summary is hidden' })
  @IsString() @IsNotEmpty() @MinLength(2) @MaxLength(2000) passage: string;

  @ApiPropertyOptional({ description: 'Why, e.g. personal privacy' }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}
