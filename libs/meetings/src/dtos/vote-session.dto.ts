import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested,
} from 'class-validator';
import { VOTE_CHOICES, type VoteChoice } from '@app/workflows/vote-session';
import { VOTE_SUBJECT_KINDS, VoteSubjectKind } from '../constants/vote-subject.constant';
import { LOCAL_DATE } from './council-meeting.dto';

/** One thing a session votes on: its kind and the id of its row (and workflow instance). */
export class VoteSubjectDto {
  @ApiProperty({ enum: VOTE_SUBJECT_KINDS }) @IsIn(VOTE_SUBJECT_KINDS) kind: VoteSubjectKind;
  @ApiProperty() @IsUUID() id: string;
}

export class CreateVoteSessionDto {
  @ApiProperty({ example: '2026年重点建议办理情况满意度测评' }) @IsString() @MinLength(1) @MaxLength(200) title: string;
  @ApiProperty({ example: '县十七届人大常委会第二十次会议' }) @IsString() @MinLength(1) @MaxLength(200) meetingName: string;
  @ApiProperty({ example: '2026-06-20' }) @Matches(LOCAL_DATE, { message: 'meetingDate must be a date YYYY-MM-DD' }) meetingDate: string;
  @ApiPropertyOptional({ description: 'The standing-committee leader who chairs the session' }) @IsOptional() @IsUUID() chairUserId?: string;
  @ApiPropertyOptional({ type: [String], description: 'Heard key suggestions, in ballot order (before any subjects); this or subjects names at least one item' })
  @IsOptional() @IsArray() @ArrayMaxSize(300) @ArrayUnique() @IsUUID('all', { each: true })
  suggestionIds?: string[];

  @ApiPropertyOptional({ type: () => [VoteSubjectDto], description: 'Further subjects in ballot order, e.g. a review-opinion list whose written report was submitted' })
  @IsOptional() @IsArray() @ArrayMaxSize(300) @ArrayUnique((subject: VoteSubjectDto | null) => (subject ? `${subject.kind}_${subject.id}` : subject))
  @ValidateNested({ each: true }) @Type(() => VoteSubjectDto)
  subjects?: VoteSubjectDto[];
}

export class OpenVoteSessionDto {
  @ApiProperty({ type: [String], description: 'Standing-committee members present' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @ArrayUnique() @IsUUID('all', { each: true })
  memberIds: string[];

  @ApiPropertyOptional({ type: [String], description: "Invited deputies' user ids, where the profile allows" })
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @ArrayUnique() @IsUUID('all', { each: true })
  deputyUserIds: string[] = [];
}

export class CancelVoteSessionDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) reason: string;
}

export class EmptyEventDto {}

export class BallotChoiceDto {
  @ApiProperty() @IsUUID() itemId: string;
  @ApiProperty({ enum: VOTE_CHOICES }) @IsIn(VOTE_CHOICES) choice: VoteChoice;
}

/** One ballot paper: one item, or every item of the session at once. */
export class CastBallotDto {
  @ApiProperty({ type: [BallotChoiceDto] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(300) @ValidateNested({ each: true }) @Type(() => BallotChoiceDto)
  choices: BallotChoiceDto[];
}

export class VoteSessionEventBodyDto {
  @ApiProperty({ enum: ['OPEN', 'CLOSE', 'PUBLISH', 'CANCEL'], description: 'OPEN takes memberIds (and deputyUserIds); CANCEL a reason' })
  type: string;
  [field: string]: unknown;
}
