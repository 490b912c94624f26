import { MigrationInterface, QueryRunner } from 'typeorm';

/** Review-opinion lists (审议意见清单) and their items, each row beside the workflow instance that drives it. */
export class ReviewOpinions1795950000000 implements MigrationInterface {
  name = 'ReviewOpinions1795950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "review_opinion_lists" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "title" text NOT NULL, "source_report" text NOT NULL, "meeting_name" text NOT NULL, "reporting_unit_id" uuid NOT NULL, "state" text NOT NULL, "assigned_at" TIMESTAMP WITH TIME ZONE, "report_due_at" TIMESTAMP WITH TIME ZONE, "report_text" text, "report_submitted_at" TIMESTAMP WITH TIME ZONE, "report_overdue" boolean NOT NULL DEFAULT false, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "concluded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0cf7b39886033eb2a17b5de43f3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_REVIEW_LIST_JURISDICTION_STATE" ON "review_opinion_lists" ("jurisdiction_id", "state")`);
    await queryRunner.query(
      `CREATE TABLE "review_opinion_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "list_id" uuid NOT NULL, "position" integer NOT NULL, "content" text NOT NULL, "unit_id" uuid NOT NULL, "status" text NOT NULL, "first_due_at" TIMESTAMP WITH TIME ZONE, "due_at" TIMESTAMP WITH TIME ZONE, "report_count" integer NOT NULL DEFAULT '0', "sent_back_count" integer NOT NULL DEFAULT '0', "overdue" boolean NOT NULL DEFAULT false, "last_report" text, "last_reported_at" TIMESTAMP WITH TIME ZONE, "last_send_back_reason" text, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_on_time" boolean, CONSTRAINT "PK_8a83b7823f1c6e9c9d556b19b6c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_REVIEW_ITEM_UNIT" ON "review_opinion_items" ("jurisdiction_id", "unit_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_REVIEW_ITEM_LIST_POSITION" ON "review_opinion_items" ("list_id", "position")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "review_opinion_items"`);
    await queryRunner.query(`DROP TABLE "review_opinion_lists"`);
  }
}
