import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A meeting of the council of chairpersons (主任会议) that hears key suggestions item by item. */
@Entity({ name: 'council_meetings' })
@Index('IDX_COUNCIL_MEETING_DATE', ['jurisdictionId', 'meetingDate'])
export class CouncilMeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ type: 'text' })
  title: string;

  /** Local date of the meeting (YYYY-MM-DD). */
  @Column({ name: 'meeting_date', type: 'date' })
  meetingDate: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
