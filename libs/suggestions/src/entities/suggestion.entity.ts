import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A deputy's suggestion: what was filed, plus columns projected from its workflow instance (same id)
 * in the same transaction as every event, so lists filter without reading snapshots.
 */
@Entity({ name: 'suggestions' })
@Index('IDX_SUGGESTION_SESSION_ID', ['jurisdictionId', 'sessionId', 'number'])
@Index('IDX_SUGGESTION_STATE', ['jurisdictionId', 'state'])
@Index('IDX_SUGGESTION_LEAD_DEPUTY', ['leadDeputyId'])
@Index('UQ_SUGGESTION_SESSION_NUMBER', ['sessionId', 'number'], { unique: true, where: 'number IS NOT NULL' })
export class SuggestionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  /** Per-session number given on acceptance (第31号). */
  @Column({ type: 'int', nullable: true })
  number: number | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'text' })
  category: string;

  @Column({ name: 'during_session', type: 'boolean' })
  duringSession: boolean;

  @Column({ name: 'lead_deputy_id', type: 'uuid' })
  leadDeputyId: string;

  @Column({ name: 'delegation_id', type: 'uuid', nullable: true })
  delegationId: string | null;

  @Column({ name: 'agrees_to_disclosure', type: 'boolean' })
  agreesToDisclosure: boolean;

  @Column({ name: 'requests_confidentiality', type: 'boolean', default: false })
  requestsConfidentiality: boolean;

  /** Headline state: the top-level state, or the handling region's state while active. */
  @Column({ type: 'text' })
  state: string;

  @Column({ type: 'int', default: 0 })
  round: number;

  @Column({ type: 'text', nullable: true })
  classification: string | null;

  @Column({ type: 'boolean', default: false })
  overdue: boolean;

  @Column({ name: 'is_key', type: 'boolean', default: false })
  isKey: boolean;

  @Column({ name: 'key_state', type: 'text', nullable: true })
  keyState: string | null;

  @Column({ name: 'disclosure_state', type: 'text', nullable: true })
  disclosureState: string | null;

  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
