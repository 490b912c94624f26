import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A vote item scores a subject of some kind (a key suggestion, a review-opinion list's report, …) instead of a
 * suggestion only: suggestion_id becomes subject_id beside a subject_kind (every existing item is a key suggestion),
 * and the item keeps the subject's number and title as voted on.
 */
export class VoteSubjects1795980000000 implements MigrationInterface {
  name = 'VoteSubjects1795980000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_VOTE_ITEM_SESSION_SUGGESTION"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_VOTE_ITEM_SUGGESTION"`);
    await queryRunner.query(`ALTER TABLE "vote_items" RENAME COLUMN "suggestion_id" TO "subject_id"`);
    // The default backfills the rows already there; new rows always name their kind.
    await queryRunner.query(`ALTER TABLE "vote_items" ADD "subject_kind" text NOT NULL DEFAULT 'KEY_SUGGESTION'`);
    await queryRunner.query(`ALTER TABLE "vote_items" ALTER COLUMN "subject_kind" DROP DEFAULT`);
    // Number and title as put to the vote: the announcement shows them without reading the subject's own tables.
    await queryRunner.query(`ALTER TABLE "vote_items" ADD "subject_number" integer`);
    await queryRunner.query(`ALTER TABLE "vote_items" ADD "subject_title" text NOT NULL DEFAULT ''`);
    await queryRunner.query(
      `UPDATE "vote_items" i SET "subject_number" = s."number", "subject_title" = s."title" FROM "suggestions" s WHERE s."id" = i."subject_id"`,
    );
    await queryRunner.query(`ALTER TABLE "vote_items" ALTER COLUMN "subject_title" DROP DEFAULT`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_VOTE_ITEM_SESSION_SUBJECT" ON "vote_items" ("vote_session_id", "subject_kind", "subject_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_VOTE_ITEM_SUBJECT" ON "vote_items" ("subject_kind", "subject_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Items of other kinds have no place in the old shape.
    const others = `SELECT "id" FROM "vote_items" WHERE "subject_kind" <> 'KEY_SUGGESTION'`;
    await queryRunner.query(`DELETE FROM "vote_receipts" WHERE "vote_item_id" IN (${others})`);
    await queryRunner.query(`DELETE FROM "vote_tallies" WHERE "vote_item_id" IN (${others})`);
    await queryRunner.query(`DELETE FROM "vote_items" WHERE "subject_kind" <> 'KEY_SUGGESTION'`);
    await queryRunner.query(`DROP INDEX "public"."IDX_VOTE_ITEM_SUBJECT"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_VOTE_ITEM_SESSION_SUBJECT"`);
    await queryRunner.query(`ALTER TABLE "vote_items" DROP COLUMN "subject_title"`);
    await queryRunner.query(`ALTER TABLE "vote_items" DROP COLUMN "subject_number"`);
    await queryRunner.query(`ALTER TABLE "vote_items" DROP COLUMN "subject_kind"`);
    await queryRunner.query(`ALTER TABLE "vote_items" RENAME COLUMN "subject_id" TO "suggestion_id"`);
    await queryRunner.query(`CREATE INDEX "IDX_VOTE_ITEM_SUGGESTION" ON "vote_items" ("suggestion_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_VOTE_ITEM_SESSION_SUGGESTION" ON "vote_items" ("vote_session_id", "suggestion_id")`);
  }
}
