import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A file a deputy attached to a suggestion while drafting it. The bytes live in the attachment store under
 * `storageKey`; the row keeps what a reader needs and the SHA-256 that shows the file was not changed since.
 * Attachments are never part of the public disclosure.
 */
@Entity({ name: 'suggestion_attachments' })
@Index('IDX_SUGGESTION_ATTACHMENT_SUGGESTION', ['jurisdictionId', 'suggestionId', 'createdAt'])
export class SuggestionAttachmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'suggestion_id', type: 'uuid' })
  suggestionId: string;

  /** As the deputy named it (UTF-8), shown and used for the download. */
  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  /** Derived from the checked type, never taken from the client. */
  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'int' })
  sizeBytes: number;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
