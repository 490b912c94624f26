import { IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { ReviewListEventType } from '@app/workflows/review-opinion-list';

export class AssignReviewListDto {
  /** One date for every item instead of the profile's period (the office may set it at the assignment meeting). */
  @IsOptional()
  @IsISO8601({ strict: true })
  itemDueAt?: string;
}

export class ReportItemDto {
  @IsUUID()
  itemId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  text: string;
}

export class CloseItemDto {
  @IsUUID()
  itemId: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class SendBackItemDto {
  @IsUUID()
  itemId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class SubmitListReportDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100_000)
  text: string;
}

export class ReasonDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

/** The DTO of every event a client may send; RECORD_VOTE_RESULT and DEADLINE_PASSED come from the system only. */
export const REVIEW_EVENT_DTOS: Partial<Record<ReviewListEventType, new () => object>> = {
  ASSIGN: AssignReviewListDto,
  REPORT_ITEM: ReportItemDto,
  CLOSE_ITEM: CloseItemDto,
  SEND_BACK_ITEM: SendBackItemDto,
  SUBMIT_REPORT: SubmitListReportDto,
  CONCLUDE: ReasonDto,
  CANCEL: ReasonDto,
};
