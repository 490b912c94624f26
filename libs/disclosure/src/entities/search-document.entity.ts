import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One suggestion's full-text entry: the staff side holds the original texts, the public side only what is
 * published, already redacted. Vectors are built from jieba tokens joined by spaces with the 'simple' config.
 */
@Entity({ name: 'search_documents' })
@Index('IDX_SEARCH_DOCUMENT_SCOPE', ['jurisdictionId', 'isPublic'])
@Index('IDX_SEARCH_DOCUMENT_STAFF_VECTOR', ['staffVector'], { type: 'gin' })
@Index('IDX_SEARCH_DOCUMENT_PUBLIC_VECTOR', ['publicVector'], { type: 'gin' })
export class SearchDocumentEntity {
  @PrimaryColumn({ name: 'suggestion_id', type: 'uuid' })
  suggestionId: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  /** The suggestion's number, copied so public search can order its matches without joining every one of them. */
  @Column({ name: 'number', type: 'integer', nullable: true })
  number: number | null;

  @Column({ name: 'is_public', type: 'boolean', default: false })
  isPublic: boolean;

  @Column({ name: 'staff_title', type: 'text' })
  staffTitle: string;

  /** Content and reply texts, as filed and as replied. */
  @Column({ name: 'staff_body', type: 'text' })
  staffBody: string;

  @Column({ name: 'staff_vector', type: 'tsvector' })
  staffVector: string;

  @Column({ name: 'public_title', type: 'text', nullable: true })
  publicTitle: string | null;

  /** Redacted content and the published reply text (or summary); null unless published. */
  @Column({ name: 'public_body', type: 'text', nullable: true })
  publicBody: string | null;

  @Column({ name: 'public_vector', type: 'tsvector', nullable: true })
  publicVector: string | null;

  @Column({ name: 'indexed_at', type: 'timestamptz' })
  indexedAt: Date;
}
