import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 届/次会议: e.g. the 3rd session of the 17th congress. Suggestion numbers run per session. */
@Entity({ name: 'congress_sessions' })
@Index('UQ_CONGRESS_SESSION_TERM_NUMBER', ['jurisdictionId', 'term', 'sessionNumber'], { unique: true })
export class CongressSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ type: 'int' })
  term: number;

  @Column({ name: 'session_number', type: 'int' })
  sessionNumber: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'int' })
  year: number;

  /** Last number given to an accepted suggestion of this session. */
  @Column({ name: 'last_suggestion_number', type: 'int', default: 0 })
  lastSuggestionNumber: number;
}
