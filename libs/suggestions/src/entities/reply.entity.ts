import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 答复: a unit's official reply in one round (or a follow-up reply). */
@Entity({ name: 'replies' })
@Index('IDX_REPLY_SUGGESTION', ['suggestionId', 'round'])
@Index('IDX_REPLY_UNIT', ['unitId'])
export class ReplyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'suggestion_id', type: 'uuid' })
  suggestionId: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ type: 'int' })
  round: number;

  @Column({ type: 'text' })
  classification: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'signed_by', type: 'text', nullable: true })
  signedBy: string | null;

  @Column({ name: 'contact_person', type: 'text', nullable: true })
  contactPerson: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ name: 'agrees_to_disclosure', type: 'boolean', default: false })
  agreesToDisclosure: boolean;

  @Column({ name: 'is_follow_up', type: 'boolean', default: false })
  isFollowUp: boolean;

  /** A contact with the deputy was recorded before this reply (见面率). */
  @Column({ name: 'preceded_by_contact', type: 'boolean' })
  precededByContact: boolean;

  /** Replied on or before the reply deadline in force (办复率 counts these). */
  @Column({ name: 'on_time', type: 'boolean' })
  onTime: boolean;

  @Column({ name: 'replied_at', type: 'timestamptz' })
  repliedAt: Date;
}
