import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, MinLength, ValidateIf, ValidateNested,
} from 'class-validator';

export const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class CreateCouncilMeetingDto {
  @ApiProperty({ example: '第十七届人大常委会第三十次主任会议' }) @IsString() @MinLength(1) @MaxLength(200) title: string;
  @ApiProperty({ example: '2026-05-20' }) @Matches(LOCAL_DATE, { message: 'meetingDate must be a date YYYY-MM-DD' }) meetingDate: string;
  @ApiPropertyOptional({ type: [String], description: 'Key suggestions on the agenda, in order' })
  @IsOptional() @IsArray() @ArrayMaxSize(300) @ArrayUnique() @IsUUID('all', { each: true })
  suggestionIds: string[] = [];
}

export class AgendaSuggestionsDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(300) @ArrayUnique() @IsUUID('all', { each: true }) suggestionIds: string[];
}

export class ReorderAgendaDto {
  @ApiProperty({ type: [String], description: 'Every agenda item id of the meeting, in the new order' })
  @IsArray() @ArrayMaxSize(300) @ArrayUnique() @IsUUID('all', { each: true })
  itemIds: string[];
}

export class HearingAttachmentDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiPropertyOptional() @ValidateIf((o: HearingAttachmentDto) => o.url !== undefined || o.text === undefined) @IsUrl({ require_protocol: true }) @MaxLength(2000) url?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100_000) text?: string;
}

export class RecordHearingDto {
  @ApiPropertyOptional({ description: 'The handling unit that reported' }) @IsOptional() @IsUUID() reporterUnitId?: string;
  @ApiPropertyOptional({ description: 'The leading government leader, when they reported' }) @IsOptional() @IsUUID() reporterLeaderId?: string;
  @ApiProperty({ example: '县交通运输局局长 陈刚' }) @IsString() @MinLength(1) @MaxLength(200) reporterName: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100_000) report: string;
  @ApiPropertyOptional({ type: [HearingAttachmentDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => HearingAttachmentDto)
  attachments: HearingAttachmentDto[] = [];
  @ApiProperty({ description: "The council's opinion (审议意见)" }) @IsString() @MinLength(1) @MaxLength(20_000) opinion: string;
}

export class DeferAgendaItemDto {
  @ApiProperty({ description: 'A later meeting that takes the item' }) @IsUUID() toMeetingId: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) reason: string;
}
