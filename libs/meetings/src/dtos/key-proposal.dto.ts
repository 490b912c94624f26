import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { KeyProposalStatus } from '../entities/key-proposal.entity';

export class KeyProposalItemDto {
  @ApiProperty() @IsUUID() suggestionId: string;
  @ApiPropertyOptional({ description: 'Topic (专题) to group it under' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) topic?: string;
  @ApiProperty({ description: 'Standing-committee leader who supervises (督办)' }) @IsUUID() supervisingLeaderId: string;
  @ApiPropertyOptional({ description: 'Committee that supervises beside the leader' }) @IsOptional() @IsString() @MaxLength(100) supervisingCommittee?: string;
  @ApiProperty({ description: 'Government leader who leads the handling (领办)' }) @IsUUID() leadingLeaderId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ProposeKeySuggestionsDto {
  @ApiProperty({ type: [KeyProposalItemDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(300) @ValidateNested({ each: true }) @Type(() => KeyProposalItemDto)
  items: KeyProposalItemDto[];
}

export class RejectProposalDto {
  @ApiProperty() @IsUUID() proposalId: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) reason: string;
}

export class DecideKeyProposalsDto {
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(300) @ArrayUnique() @IsUUID('all', { each: true }) approve: string[] = [];

  @ApiPropertyOptional({ type: [RejectProposalDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(300) @ValidateNested({ each: true }) @Type(() => RejectProposalDto)
  reject: RejectProposalDto[] = [];
}

export class ListProposalsQueryDto {
  @ApiPropertyOptional({ enum: KeyProposalStatus }) @IsOptional() @IsIn(Object.values(KeyProposalStatus)) status?: KeyProposalStatus;
}
