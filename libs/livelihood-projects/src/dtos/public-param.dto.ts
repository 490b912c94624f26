import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';

export class JurisdictionParamDto {
  @ApiProperty({ example: 'demo-county' }) @IsString() @MaxLength(64) jurisdiction: string;
}

export class PublicVoteParamDto extends JurisdictionParamDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id: string;
}
