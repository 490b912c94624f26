import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum AgendaItemStatus {
  PENDING = 'PENDING',
  HEARD = 'HEARD',
  DEFERRED = 'DEFERRED',
}

export interface HearingAttachment {
  name: string;
  /** A link to the document, or its text; at least one of the two. */
  url: string | null;
  text: string | null;
}

/** One key suggestion on a council meeting's agenda, and the record of its hearing. */
@Entity({ name: 'council_agenda_items' })
@Index('UQ_AGENDA_ITEM_MEETING_SUGGESTION', ['meetingId', 'suggestionId'], { unique: true })
@Index('IDX_AGENDA_ITEM_SUGGESTION', ['suggestionId'])
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @Column({ name: 'suggestion_id', type: 'uuid' })
  suggestionId: string;

  /** Order on the agenda, from 1. */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  status: AgendaItemStatus;

  @Column({ name: 'reporter_unit_id', type: 'uuid', nullable: true })
  reporterUnitId: string | null;

  @Column({ name: 'reporter_leader_id', type: 'uuid', nullable: true })
  reporterLeaderId: string | null;

  /** Who stood up and reported, as the minutes name them. */
  @Column({ name: 'reporter_name', type: 'text', nullable: true })
  reporterName: string | null;

  @Column({ type: 'text', nullable: true })
  report: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments: HearingAttachment[];

  /** The council's opinion (审议意见). */
  @Column({ type: 'text', nullable: true })
  opinion: string | null;

  @Column({ name: 'heard_at', type: 'timestamptz', nullable: true })
  heardAt: Date | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ name: 'deferred_to_meeting_id', type: 'uuid', nullable: true })
  deferredToMeetingId: string | null;

  @Column({ name: 'defer_reason', type: 'text', nullable: true })
  deferReason: string | null;
}
