import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A passage the office marked to hide before publication; removal is recorded, never deleted. */
@Entity({ name: 'disclosure_redactions' })
@Index('IDX_DISCLOSURE_REDACTION_SUGGESTION', ['suggestionId'])
export class RedactionMarkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'suggestion_id', type: 'uuid' })
  suggestionId: string;

  @Column({ type: 'text' })
  passage: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'removed_by', type: 'uuid', nullable: true })
  removedBy: string | null;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt: Date | null;
}
