import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Claim-once record: a reminder or a passing is acted on only by whoever inserts this row first. */
@Entity({ name: 'deadline_firings' })
export class DeadlineFiringEntity {
  @PrimaryColumn({ name: 'deadline_id', type: 'uuid' })
  deadlineId: string;

  /** REMIND_<days> or PASSED. */
  @PrimaryColumn({ type: 'text' })
  firing: string;

  @Column({ name: 'fired_at', type: 'timestamptz' })
  firedAt: Date;
}
