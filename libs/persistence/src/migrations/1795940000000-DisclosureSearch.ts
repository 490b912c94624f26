import { MigrationInterface, QueryRunner } from 'typeorm';

/** Full-text search documents (staff and redacted public sides) and the office's redaction marks. */
export class DisclosureSearch1795940000000 implements MigrationInterface {
  name = 'DisclosureSearch1795940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "search_documents" ("suggestion_id" uuid NOT NULL, "jurisdiction_id" uuid NOT NULL, "session_id" uuid NOT NULL, "is_public" boolean NOT NULL DEFAULT false, "staff_title" text NOT NULL, "staff_body" text NOT NULL, "staff_vector" tsvector NOT NULL, "public_title" text, "public_body" text, "public_vector" tsvector, "indexed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_240b23cc130619be1612b3f7d7e" PRIMARY KEY ("suggestion_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_SEARCH_DOCUMENT_PUBLIC_VECTOR" ON "search_documents" USING gin ("public_vector")`);
    await queryRunner.query(`CREATE INDEX "IDX_SEARCH_DOCUMENT_STAFF_VECTOR" ON "search_documents" USING gin ("staff_vector")`);
    await queryRunner.query(`CREATE INDEX "IDX_SEARCH_DOCUMENT_SCOPE" ON "search_documents" ("jurisdiction_id", "is_public")`);
    await queryRunner.query(
      `CREATE TABLE "disclosure_redactions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "suggestion_id" uuid NOT NULL, "passage" text NOT NULL, "reason" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "removed_by" uuid, "removed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c184894c42463533aab32b04d56" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_DISCLOSURE_REDACTION_SUGGESTION" ON "disclosure_redactions" ("suggestion_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_DISCLOSURE_REDACTION_SUGGESTION"`);
    await queryRunner.query(`DROP TABLE "disclosure_redactions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_SEARCH_DOCUMENT_SCOPE"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_SEARCH_DOCUMENT_STAFF_VECTOR"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_SEARCH_DOCUMENT_PUBLIC_VECTOR"`);
    await queryRunner.query(`DROP TABLE "search_documents"`);
  }
}
