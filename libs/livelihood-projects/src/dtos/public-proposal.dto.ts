import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const NOT_BLANK = /\S/;

/** A livelihood project proposed by a member of the public; name and contact are optional and never published. */
export class PublicProposalDto {
  @ApiProperty({ example: '在城北新建一座社区公园' })
  @IsString() @IsNotEmpty() @Matches(NOT_BLANK, { message: 'title must not be blank' }) @MaxLength(100) title: string;

  @ApiProperty({ description: 'What is needed, where, and why' })
  @IsString() @IsNotEmpty() @Matches(NOT_BLANK, { message: 'description must not be blank' }) @MaxLength(2000) description: string;

  @ApiPropertyOptional({ example: '城北街道' }) @IsOptional() @IsString() @MaxLength(200) location?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) proposerName?: string;
  @ApiPropertyOptional({ description: 'Phone or e-mail, for the government office only' }) @IsOptional() @IsString() @MaxLength(100) contact?: string;
}
