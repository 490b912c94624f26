import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One year's livelihood-project vote (民生实事项目代表票决): the row beside the workflow instance of the same id.
 * State, electorate and conclusion are projected from the machine after every event.
 */
@Entity({ name: 'livelihood_votes' })
@Index('UQ_LIVELIHOOD_VOTE_YEAR', ['jurisdictionId', 'year'], { unique: true, where: "state <> 'cancelled'" })
export class LivelihoodVoteEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'text' })
  title: string;

  /** The congress session at which deputies vote, e.g. 县十七届人大三次会议. */
  @Column({ name: 'session_name', type: 'text' })
  sessionName: string;

  /** K: projects to choose, and the most candidates one ballot may approve. */
  @Column({ type: 'int' })
  places: number;

  @Column({ type: 'text' })
  state: string;

  /** All deputies of the jurisdiction when the first round opened: the threshold counts from them. */
  @Column({ type: 'int', nullable: true })
  electorate: number | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'concluded_at', type: 'timestamptz', nullable: true })
  concludedAt: Date | null;
}
