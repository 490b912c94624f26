import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public search ranks and orders every match inside search_documents, so the suggestion join is needed only for the
 * page shown: the suggestion number (the tie-break after rank) is copied onto the document. The public vector, which
 * the ranking reads for every match, stays in the row (STORAGE MAIN) instead of one TOAST lookup per match, and the
 * low tuple target pushes the texts and the staff vector out of the row, so a row is little more than that vector.
 */
export class SearchRanking1796005000000 implements MigrationInterface {
  name = 'SearchRanking1796005000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "search_documents" ADD "number" integer`);
    await queryRunner.query(`ALTER TABLE "search_documents" ALTER COLUMN "public_vector" SET STORAGE MAIN`);
    await queryRunner.query(`ALTER TABLE "search_documents" SET (toast_tuple_target = 128)`);
    // The text round trip gives each vector a new value, so rows written before now move it back into the row too.
    await queryRunner.query(
      `UPDATE "search_documents" d SET "number" = s."number", "public_vector" = d."public_vector"::text::tsvector FROM "suggestions" s WHERE s."id" = d."suggestion_id"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "search_documents" RESET (toast_tuple_target)`);
    await queryRunner.query(`ALTER TABLE "search_documents" ALTER COLUMN "public_vector" SET STORAGE EXTENDED`);
    await queryRunner.query(`ALTER TABLE "search_documents" DROP COLUMN "number"`);
  }
}
