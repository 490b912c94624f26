import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One key suggestion voted on in a session; the counts per option are written only when the session closes. */
@Entity({ name: 'vote_items' })
@Index('UQ_VOTE_ITEM_SESSION_SUGGESTION', ['voteSessionId', 'suggestionId'], { unique: true })
@Index('IDX_VOTE_ITEM_SUGGESTION', ['suggestionId'])
export class VoteItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'vote_session_id', type: 'uuid' })
  voteSessionId: string;

  @Column({ name: 'suggestion_id', type: 'uuid' })
  suggestionId: string;

  @Column({ type: 'int' })
  position: number;

  /** One ballot per entitled voter, fixed when the session opens. */
  @Column({ name: 'ballots_issued', type: 'int', default: 0 })
  ballotsIssued: number;

  @Column({ name: 'ballots_returned', type: 'int', nullable: true })
  ballotsReturned: number | null;

  @Column({ type: 'int', nullable: true })
  satisfied: number | null;

  @Column({ name: 'basically_satisfied', type: 'int', nullable: true })
  basicallySatisfied: number | null;

  @Column({ type: 'int', nullable: true })
  unsatisfied: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  @Column({ name: 'result_reason', type: 'text', nullable: true })
  resultReason: string | null;
}
