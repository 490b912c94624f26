import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Key suggestions, council hearings and standing-committee satisfaction votes (libs/meetings).
 * Secret ballot: vote_receipts (who) and vote_tallies (what) share no column that could link or order them.
 */
export class Meetings1795930000000 implements MigrationInterface {
    name = 'Meetings1795930000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "council_agenda_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "suggestion_id" uuid NOT NULL, "position" integer NOT NULL, "status" text NOT NULL, "reporter_unit_id" uuid, "reporter_leader_id" uuid, "reporter_name" text, "report" text, "attachments" jsonb NOT NULL DEFAULT '[]', "opinion" text, "heard_at" TIMESTAMP WITH TIME ZONE, "recorded_by" uuid, "deferred_to_meeting_id" uuid, "defer_reason" text, CONSTRAINT "PK_0a44a520048329645c1cea1d210" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_AGENDA_ITEM_SUGGESTION" ON "council_agenda_items"  ("suggestion_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_AGENDA_ITEM_MEETING_SUGGESTION" ON "council_agenda_items"  ("meeting_id", "suggestion_id") `);
        await queryRunner.query(`CREATE TABLE "council_meetings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "title" text NOT NULL, "meeting_date" date NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_568b036d0137e2fed505a22d71a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_COUNCIL_MEETING_DATE" ON "council_meetings"  ("jurisdiction_id", "meeting_date") `);
        await queryRunner.query(`CREATE TABLE "key_proposals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "suggestion_id" uuid NOT NULL, "topic" text, "supervising_leader_id" uuid NOT NULL, "supervising_committee" text, "leading_leader_id" uuid NOT NULL, "note" text, "status" text NOT NULL, "proposed_by" uuid NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, CONSTRAINT "PK_dcc4e1ce02f4e2e16050d355535" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_KEY_PROPOSAL_PENDING" ON "key_proposals"  ("suggestion_id") WHERE status = 'PROPOSED'`);
        await queryRunner.query(`CREATE INDEX "IDX_KEY_PROPOSAL_STATUS" ON "key_proposals"  ("jurisdiction_id", "status") `);
        await queryRunner.query(`CREATE TABLE "vote_entitlements" ("vote_session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "jurisdiction_id" uuid NOT NULL, "kind" text NOT NULL, CONSTRAINT "PK_be9cef2177d7fdbe7590e13a7c2" PRIMARY KEY ("vote_session_id", "user_id"))`);
        await queryRunner.query(`CREATE TABLE "vote_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "vote_session_id" uuid NOT NULL, "suggestion_id" uuid NOT NULL, "position" integer NOT NULL, "ballots_issued" integer NOT NULL DEFAULT '0', "ballots_returned" integer, "satisfied" integer, "basically_satisfied" integer, "unsatisfied" integer, "passed" boolean, "result_reason" text, CONSTRAINT "PK_3590dd5b0bb26ef309bf80ad6d4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_VOTE_ITEM_SUGGESTION" ON "vote_items"  ("suggestion_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_VOTE_ITEM_SESSION_SUGGESTION" ON "vote_items"  ("vote_session_id", "suggestion_id") `);
        await queryRunner.query(`CREATE TABLE "vote_receipts" ("vote_item_id" uuid NOT NULL, "voter_user_id" uuid NOT NULL, "vote_session_id" uuid NOT NULL, "jurisdiction_id" uuid NOT NULL, CONSTRAINT "PK_c991634ae3c59c3d235d1edd27e" PRIMARY KEY ("vote_item_id", "voter_user_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_VOTE_RECEIPT_VOTER" ON "vote_receipts"  ("vote_session_id", "voter_user_id") `);
        await queryRunner.query(`CREATE TABLE "vote_sessions" ("id" uuid NOT NULL, "jurisdiction_id" uuid NOT NULL, "title" text NOT NULL, "meeting_name" text NOT NULL, "meeting_date" date NOT NULL, "chair_user_id" uuid, "state" text NOT NULL, "announcement_year" integer, "announcement_number" integer, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8781dd2dabaf6ba6ba1227130dd" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_VOTE_SESSION_ANNOUNCEMENT" ON "vote_sessions"  ("jurisdiction_id", "announcement_year", "announcement_number") WHERE announcement_number IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_VOTE_SESSION_STATE" ON "vote_sessions"  ("jurisdiction_id", "state") `);
        await queryRunner.query(`CREATE TABLE "vote_tallies" ("vote_item_id" uuid NOT NULL, "vote_session_id" uuid NOT NULL, "jurisdiction_id" uuid NOT NULL, "satisfied" integer NOT NULL DEFAULT '0', "basically_satisfied" integer NOT NULL DEFAULT '0', "unsatisfied" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_98f734b9bf8a77f199dc110643d" PRIMARY KEY ("vote_item_id"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "vote_tallies"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_VOTE_SESSION_STATE"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_VOTE_SESSION_ANNOUNCEMENT"`);
        await queryRunner.query(`DROP TABLE "vote_sessions"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_VOTE_RECEIPT_VOTER"`);
        await queryRunner.query(`DROP TABLE "vote_receipts"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_VOTE_ITEM_SESSION_SUGGESTION"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_VOTE_ITEM_SUGGESTION"`);
        await queryRunner.query(`DROP TABLE "vote_items"`);
        await queryRunner.query(`DROP TABLE "vote_entitlements"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_KEY_PROPOSAL_STATUS"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_KEY_PROPOSAL_PENDING"`);
        await queryRunner.query(`DROP TABLE "key_proposals"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_COUNCIL_MEETING_DATE"`);
        await queryRunner.query(`DROP TABLE "council_meetings"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_AGENDA_ITEM_MEETING_SUGGESTION"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_AGENDA_ITEM_SUGGESTION"`);
        await queryRunner.query(`DROP TABLE "council_agenda_items"`);
    }

}
