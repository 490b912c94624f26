import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class CreateSuggestionDto {
  @ApiProperty() @IsUUID() sessionId: string;
  @ApiProperty({ example: '关于在城东新区增设公交站点的建议' }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(50_000) content: string;
  @ApiProperty({ example: '环资城建' }) @IsString() @IsNotEmpty() @MaxLength(50) category: string;
  @ApiProperty({ description: 'Filed during the congress session (大会期间) rather than between sessions' })
  @IsBoolean()
  duringSession: boolean;
  @ApiProperty() @IsBoolean() agreesToDisclosure: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() requestsConfidentiality?: boolean;
  @ApiPropertyOptional({ type: [String], description: 'Deputies invited to co-sign; each must confirm before submission' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  cosignerIds?: string[];
}
