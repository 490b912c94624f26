import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JurisdictionProfileService } from '@app/accounts';
import type { AnnouncementSummary } from '../dtos/announcement.dto';
import { MeetingsException, MeetingsExceptionCode } from '../exceptions/meetings.exception';
import { VoteRepository } from '../repositories/vote.repository';
import { Announcement } from '../utils/announcement.util';
import { announcementLabel } from './vote-session.service';

/** The published announcement (公告) of a vote, for the public site: nothing before it is published. */
@Injectable()
export class AnnouncementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly votes: VoteRepository,
    private readonly profiles: JurisdictionProfileService,
  ) {}

  /** Published announcements of one jurisdiction, newest number first (at most 200: a few are published a year). */
  async list(jurisdictionCode: string): Promise<AnnouncementSummary[]> {
    const rows: Array<Omit<AnnouncementSummary, 'label' | 'url' | 'docxUrl'> & { announcementYear: number; announcementNumber: number }> = await this.dataSource.query(
      `SELECT v.id, v.title, v.meeting_name AS "meetingName", to_char(v.meeting_date, 'YYYY-MM-DD') AS "meetingDate",
              v.published_at AS "publishedAt", v.announcement_year AS "announcementYear", v.announcement_number AS "announcementNumber",
              count(i.id)::int AS items, (count(i.id) FILTER (WHERE i.passed))::int AS passed
         FROM jurisdictions j
         LEFT JOIN vote_sessions v ON v.jurisdiction_id = j.id AND v.state = 'published'
         LEFT JOIN vote_items i ON i.vote_session_id = v.id
        WHERE j.code = $1
        GROUP BY j.id, v.id
        ORDER BY v.announcement_year DESC NULLS LAST, v.announcement_number DESC
        LIMIT 200`,
      [jurisdictionCode],
    );
    if (rows.length === 0) throw new MeetingsException(MeetingsExceptionCode.ANNOUNCEMENT_NOT_FOUND, `No public site for jurisdiction ${jurisdictionCode}`);
    return rows
      .filter((row) => row.id !== null)
      .map(({ announcementYear, announcementNumber, ...row }) => ({
        ...row,
        label: announcementLabel({ announcementYear, announcementNumber }),
        url: `/api/public/vote-announcements/${row.id}`,
        docxUrl: `/api/public/vote-announcements/${row.id}/docx`,
      }));
  }

  async getPublishedOrFail(sessionId: string): Promise<Announcement> {
    const [row]: Array<{ jurisdictionId: string; jurisdictionName: string }> = await this.dataSource.query(
      `SELECT v.jurisdiction_id AS "jurisdictionId", j.name AS "jurisdictionName"
         FROM vote_sessions v JOIN jurisdictions j ON j.id = v.jurisdiction_id WHERE v.id = $1 AND v.state = 'published'`,
      [sessionId],
    );
    if (!row) throw new MeetingsException(MeetingsExceptionCode.ANNOUNCEMENT_NOT_FOUND, 'No published announcement with this id');
    const scope = { jurisdictionId: row.jurisdictionId };
    const session = (await this.votes.findSession(scope, sessionId))!;
    const [items, profile] = await Promise.all([this.votes.items(scope, sessionId), this.profiles.getProfile(row.jurisdictionId)]);
    return {
      jurisdictionName: row.jurisdictionName,
      label: announcementLabel(session),
      title: session.title,
      meetingName: session.meetingName,
      meetingDate: session.meetingDate,
      failShare: profile.vote.failWhenUnsatisfiedExceedsShare,
      items: items.map((item) => ({
        kind: item.subjectKind, position: item.position, number: item.number, title: item.title, issued: item.ballotsIssued, returned: item.ballotsReturned ?? 0,
        satisfied: item.satisfied ?? 0, basicallySatisfied: item.basicallySatisfied ?? 0, unsatisfied: item.unsatisfied ?? 0, passed: item.passed === true,
      })),
    };
  }
}
