import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 征询意见表: one proposer's verdict on one round; null dimensions mean no feedback was given in time. */
@Entity({ name: 'feedback' })
@Index('IDX_FEEDBACK_DEPUTY', ['deputyId'])
export class FeedbackEntity {
  @PrimaryColumn({ name: 'suggestion_id', type: 'uuid' })
  suggestionId: string;

  @PrimaryColumn({ name: 'deputy_id', type: 'uuid' })
  deputyId: string;

  @PrimaryColumn({ type: 'int' })
  round: number;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'handling_work', type: 'text', nullable: true })
  handlingWork: string | null;

  @Column({ type: 'text', nullable: true })
  result: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'given_at', type: 'timestamptz' })
  givenAt: Date;
}
