import { MigrationInterface, QueryRunner } from 'typeorm';

/** Files deputies attach to suggestions: metadata and checksum here, the bytes in the attachment store. */
export class Attachments1795990000000 implements MigrationInterface {
  name = 'Attachments1795990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "suggestion_attachments" ("id" uuid NOT NULL, "jurisdiction_id" uuid NOT NULL, "suggestion_id" uuid NOT NULL, "file_name" text NOT NULL, "content_type" text NOT NULL, "size_bytes" integer NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_bcde9663028d71597c0d9c4c3ca" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_SUGGESTION_ATTACHMENT_SUGGESTION" ON "suggestion_attachments" ("jurisdiction_id", "suggestion_id", "created_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "suggestion_attachments"`);
  }
}
