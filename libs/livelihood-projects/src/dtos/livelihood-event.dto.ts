import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { LOCAL_DATE_PATTERN } from '@app/profiles';
import type { LivelihoodEventType } from '@app/workflows/livelihood-vote';

export class EmptyEventDto {}

export class ReasonDto {
  @IsString() @IsNotEmpty() @MaxLength(2000) reason: string;
}

export class WithdrawCandidateDto extends ReasonDto {
  @IsUUID() candidateId: string;
}

export class MilestoneInputDto {
  @IsString() @IsNotEmpty() @MaxLength(200) title: string;
  /** The local day by whose end the milestone is due. */
  @Matches(LOCAL_DATE_PATTERN, { message: 'dueDate must be a date YYYY-MM-DD' }) @IsISO8601({ strict: true }) dueDate: string;
}

export class SetMilestonesDto {
  @IsUUID() projectId: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(24) @ValidateNested({ each: true }) @Type(() => MilestoneInputDto)
  milestones: MilestoneInputDto[];
}

export class ReportProgressDto {
  @IsUUID() projectId: string;
  @IsInt() @Min(0) @Max(100) percent: number;
  @IsString() @IsNotEmpty() @MaxLength(20_000) text: string;
  @IsOptional() @IsArray() @ArrayMaxSize(24) @ArrayUnique() @IsUUID('all', { each: true }) milestoneIds: string[] = [];
}

export class ReportToCommitteeDto {
  @IsString() @IsNotEmpty() @MaxLength(100_000) text: string;
}

/**
 * The DTO of every event a client sends through /events. ADD_CANDIDATE has routes of its own (it carries texts the
 * machine does not hold); RECORD_VOTE_RESULT and DEADLINE_PASSED come from the system only. OPEN, OPEN_RUNOFF and
 * CLOSE take nothing: the voters and the counts are the server's to supply.
 */
export const LIVELIHOOD_EVENT_DTOS: Partial<Record<LivelihoodEventType, new () => object>> = {
  WITHDRAW_CANDIDATE: WithdrawCandidateDto,
  SUBMIT_LIST: EmptyEventDto,
  RETURN_LIST: ReasonDto,
  APPROVE_LIST: EmptyEventDto,
  OPEN: EmptyEventDto,
  CLOSE: EmptyEventDto,
  OPEN_RUNOFF: EmptyEventDto,
  SET_MILESTONES: SetMilestonesDto,
  REPORT_PROGRESS: ReportProgressDto,
  REPORT_TO_COMMITTEE: ReportToCommitteeDto,
  CONCLUDE: ReasonDto,
  CANCEL: ReasonDto,
};
