import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ProposalStatus } from '../constants/livelihood.constant';

/** A year's livelihood-project vote, created empty: the government then collects candidates into it. */
export class CreateLivelihoodVoteDto {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ example: '2026年度县政府民生实事项目' }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiProperty({ example: '县十七届人大三次会议', description: 'The congress session at which deputies vote' })
  @IsString() @IsNotEmpty() @MaxLength(200) sessionName: string;
  @ApiProperty({ example: 10, description: 'K: projects to choose, and the most candidates one ballot may approve' })
  @IsInt() @Min(1) @Max(100) places: number;
}

export class AddCandidateDto {
  @ApiProperty({ example: '城区老旧小区加装电梯' }) @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  @ApiProperty({ description: 'What the project does, where, its budget and schedule' }) @IsString() @IsNotEmpty() @MaxLength(4000) description: string;
  @ApiPropertyOptional({ description: 'The unit responsible if the project is chosen' }) @IsOptional() @IsUUID() unitId?: string;
}

/** A public proposal taken into a vote's candidate list; title and description default to the proposal's own. */
export class AdoptProposalDto {
  @ApiProperty() @IsUUID() voteId: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(4000) description?: string;
}

/** One deputy's secret ballot: the candidates approved, at most K of them (none is a blank ballot). */
export class ApprovalBallotDto {
  @ApiProperty({ type: [String], description: 'Candidates approved, at most as many as there are places' })
  @IsArray() @ArrayMaxSize(100) @ArrayUnique() @IsUUID('all', { each: true })
  candidateIds: string[];
}

export class LivelihoodYearQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiPropertyOptional({ description: 'YYYY-MM-DD (end of that day, local time) or an ISO instant; default now' })
  @IsOptional() @IsISO8601({ strict: true }) asOf?: string;
}

export class ProposalListQueryDto {
  @ApiPropertyOptional({ enum: ProposalStatus }) @IsOptional() @IsIn(Object.values(ProposalStatus)) status?: ProposalStatus;
}

export class LivelihoodEventBodyDto {
  @ApiProperty({
    enum: ['WITHDRAW_CANDIDATE', 'SUBMIT_LIST', 'RETURN_LIST', 'APPROVE_LIST', 'OPEN', 'CLOSE', 'OPEN_RUNOFF', 'SET_MILESTONES', 'REPORT_PROGRESS', 'REPORT_TO_COMMITTEE', 'CONCLUDE', 'CANCEL'],
  })
  type: string;
  [field: string]: unknown;
}
