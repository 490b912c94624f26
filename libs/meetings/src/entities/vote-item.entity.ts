import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One subject voted on in a session (a key suggestion, a review-opinion list's written report, …); the counts per
 * option are written only when the session closes.
 */
@Entity({ name: 'vote_items' })
@Index('UQ_VOTE_ITEM_SESSION_SUBJECT', ['voteSessionId', 'subjectKind', 'subjectId'], { unique: true })
@Index('IDX_VOTE_ITEM_SUBJECT', ['subjectKind', 'subjectId'])
export class VoteItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'vote_session_id', type: 'uuid' })
  voteSessionId: string;

  /** A VoteSubjectKind: which domain the subject belongs to, and so which workflow hears the result. */
  @Column({ name: 'subject_kind', type: 'text' })
  subjectKind: string;

  /** The subject's id, which is also the id of its workflow instance. */
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  /** The subject's number and title as put to the vote, for the session's view and its announcement. */
  @Column({ name: 'subject_number', type: 'int', nullable: true })
  subjectNumber: number | null;

  @Column({ name: 'subject_title', type: 'text' })
  subjectTitle: string;

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
