import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JurisdictionProfileService } from '@app/accounts';
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
        position: item.position, number: item.number, title: item.title, issued: item.ballotsIssued, returned: item.ballotsReturned ?? 0,
        satisfied: item.satisfied ?? 0, basicallySatisfied: item.basicallySatisfied ?? 0, unsatisfied: item.unsatisfied ?? 0, passed: item.passed === true,
      })),
    };
  }
}
