import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { SuggestionEventType } from '@app/workflows/suggestion';

const SATISFACTION = ['SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED'] as const;
const MODES = ['LEAD_WITH_CO_UNITS', 'SEPARATE'] as const;
const CONTACT_METHODS = ['MEETING', 'VISIT', 'PHONE', 'FORUM', 'OTHER'] as const;
const TEXT = 20_000;
const SHORT = 500;
const MAX_UNITS = 20;

class ReasonDto {
  @IsString() @IsNotEmpty() @MaxLength(SHORT * 4) reason: string;
}

class DeputyRefDto {
  @IsUUID() deputyId: string;
}

class EmptyDto {}

class MergeDto extends ReasonDto {
  @IsUUID() targetSuggestionId: string;
}

class ProposerDto {
  @IsUUID() deputyId: string;
  @IsIn(['LEAD', 'COSIGNER']) role: 'LEAD' | 'COSIGNER';
  @IsIn(['INVITED', 'CONFIRMED', 'DECLINED']) status: 'INVITED' | 'CONFIRMED' | 'DECLINED';
  @IsOptional() @IsUUID() viaSuggestionId: string | null;
}

class AbsorbDto {
  @IsUUID() sourceSuggestionId: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ProposerDto) proposers: ProposerDto[];
}

export class AssignDto {
  @ApiProperty({ enum: MODES }) @IsIn(MODES) mode: (typeof MODES)[number];
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_UNITS) @ArrayUnique() @IsUUID('all', { each: true }) unitIds: string[];
  @ApiPropertyOptional({ format: 'uuid', description: 'Required with LEAD_WITH_CO_UNITS; one of unitIds' })
  @IsOptional() @IsUUID() leadUnitId?: string;
}

class DecideAdjustmentDto extends ReasonDto {
  @IsUUID() unitId: string;
  @IsBoolean() approve: boolean;
  @IsOptional() @IsUUID() newUnitId?: string;
}

class RecordContactDto {
  @IsIn(CONTACT_METHODS) method: (typeof CONTACT_METHODS)[number];
  @IsISO8601({ strict: true }) contactedAt: string;
  @IsString() @IsNotEmpty() @MaxLength(SHORT) participants: string;
  @IsOptional() @IsString() @MaxLength(TEXT) notes?: string;
}

class TextDto {
  @IsString() @IsNotEmpty() @MaxLength(TEXT) text: string;
}

class RequestExtensionDto extends ReasonDto {
  @IsISO8601({ strict: true }) requestedDueAt: string;
}

class DecideExtensionDto {
  @IsUUID() unitId: string;
  @IsBoolean() approve: boolean;
  @IsOptional() @IsISO8601({ strict: true }) dueAt?: string;
  @IsOptional() @IsString() @MaxLength(SHORT * 4) reason?: string;
}

class ReplyDto extends TextDto {
  @IsString() @IsNotEmpty() @MaxLength(16) classification: string;
  @IsString() @IsNotEmpty() @MaxLength(SHORT) signedBy: string;
  @IsString() @IsNotEmpty() @MaxLength(SHORT) contactPerson: string;
  @IsString() @IsNotEmpty() @MaxLength(64) contactPhone: string;
  @IsBoolean() agreesToDisclosure: boolean;
}

class FeedbackDto {
  @IsIn(SATISFACTION) handlingWork: (typeof SATISFACTION)[number];
  @IsIn(SATISFACTION) result: (typeof SATISFACTION)[number];
  @IsOptional() @IsString() @MaxLength(TEXT) comment?: string;
}

class FollowUpReplyDto extends TextDto {
  @IsString() @IsNotEmpty() @MaxLength(16) classification: string;
}

class MarkKeyDto {
  @IsUUID() supervisingLeaderId: string;
  @IsUUID() leadingLeaderId: string;
  @IsOptional() @IsString() @MaxLength(SHORT) topic?: string;
}

class HearingDto {
  @IsUUID() meetingId: string;
  @IsString() @IsNotEmpty() @MaxLength(TEXT) opinion: string;
}

class VoteResultDto {
  @IsUUID() voteSessionId: string;
  @IsBoolean() passed: boolean;
}

class DisclosureDto {
  @IsIn(['FULL', 'SUMMARY', 'WITHHELD']) mode: 'FULL' | 'SUMMARY' | 'WITHHELD';
  @IsOptional() @IsString() @MaxLength(TEXT) summary?: string;
  @IsOptional() @IsString() @MaxLength(SHORT * 4) reason?: string;
}

class DeadlinePassedDto {
  @IsString() @IsNotEmpty() @MaxLength(SHORT) deadlineKey: string;
}

/** The payload shape of every event a client may name; validated before the machine sees it. */
export const SUGGESTION_EVENT_DTOS: Record<SuggestionEventType, new () => object> = {
  INVITE_COSIGNER: DeputyRefDto,
  REMOVE_COSIGNER: DeputyRefDto,
  CONFIRM_COSIGN: EmptyDto,
  DECLINE_COSIGN: EmptyDto,
  SUBMIT: EmptyDto,
  WITHDRAW: ReasonDto,
  ACCEPT: EmptyDto,
  MERGE: MergeDto,
  ABSORB: AbsorbDto,
  CONVERT_TO_LETTER: ReasonDto,
  REJECT: ReasonDto,
  ASSIGN: AssignDto,
  ACKNOWLEDGE: EmptyDto,
  REQUEST_ADJUSTMENT: ReasonDto,
  DECIDE_ADJUSTMENT: DecideAdjustmentDto,
  RECORD_CONTACT: RecordContactDto,
  SUBMIT_OPINION: TextDto,
  REQUEST_EXTENSION: RequestExtensionDto,
  DECIDE_EXTENSION: DecideExtensionDto,
  REPLY: ReplyDto,
  GIVE_FEEDBACK: FeedbackDto,
  REASSIGN_FOR_REHANDLING: AssignDto,
  FOLLOW_UP_REPLY: FollowUpReplyDto,
  FOLLOW_UP_EXPLAIN: TextDto,
  MARK_KEY: MarkKeyDto,
  UNMARK_KEY: ReasonDto,
  RECORD_HEARING: HearingDto,
  RECORD_VOTE_RESULT: VoteResultDto,
  CLOSE: EmptyDto,
  DECIDE_DISCLOSURE: DisclosureDto,
  DEADLINE_PASSED: DeadlinePassedDto,
};
