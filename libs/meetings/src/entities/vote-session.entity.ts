import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A standing-committee satisfaction vote; its id is its workflow instance's id, and `state` is projected
 * from the instance in the same transaction as every event.
 */
@Entity({ name: 'vote_sessions' })
@Index('IDX_VOTE_SESSION_STATE', ['jurisdictionId', 'state'])
@Index('UQ_VOTE_SESSION_ANNOUNCEMENT', ['jurisdictionId', 'announcementYear', 'announcementNumber'], {
  unique: true,
  where: 'announcement_number IS NOT NULL',
})
export class VoteSessionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ type: 'text' })
  title: string;

  /** The standing-committee meeting it is held at, e.g. 县十七届人大常委会第二十次会议. */
  @Column({ name: 'meeting_name', type: 'text' })
  meetingName: string;

  @Column({ name: 'meeting_date', type: 'date' })
  meetingDate: string;

  @Column({ name: 'chair_user_id', type: 'uuid', nullable: true })
  chairUserId: string | null;

  @Column({ type: 'text' })
  state: string;

  @Column({ name: 'announcement_year', type: 'int', nullable: true })
  announcementYear: number | null;

  @Column({ name: 'announcement_number', type: 'int', nullable: true })
  announcementNumber: number | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
