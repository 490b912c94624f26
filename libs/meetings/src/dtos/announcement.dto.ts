import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class ListAnnouncementsQueryDto {
  @ApiProperty({ description: "The jurisdiction's code, as in /public/{code}" })
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'jurisdiction must be a jurisdiction code (letters, digits, - and _)' })
  jurisdiction: string;
}

/** One published announcement in the public list; the full text is at `url`, the .docx at `docxUrl`. */
export interface AnnouncementSummary {
  id: string;
  /** e.g. 〔2026〕第1号 */
  label: string;
  title: string;
  meetingName: string;
  meetingDate: string;
  publishedAt: Date;
  items: number;
  passed: number;
  url: string;
  docxUrl: string;
}
