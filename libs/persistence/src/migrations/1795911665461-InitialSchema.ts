import { MigrationInterface, QueryRunner } from "typeorm";

export class InitialSchema1795911665461 implements MigrationInterface {
    name = 'InitialSchema1795911665461'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "congress_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "term" integer NOT NULL, "session_number" integer NOT NULL, "name" text NOT NULL, "year" integer NOT NULL, "last_suggestion_number" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_a14b4ef84a1bbd781dcbc32155b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_CONGRESS_SESSION_TERM_NUMBER" ON "congress_sessions"  ("jurisdiction_id", "term", "session_number") `);
        await queryRunner.query(`CREATE TABLE "delegations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "name" text NOT NULL, CONSTRAINT "PK_01f9fbbc9b3bf52236a4e951b19" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_DELEGATION_NAME" ON "delegations"  ("jurisdiction_id", "name") `);
        await queryRunner.query(`CREATE TABLE "deputies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "delegation_id" uuid NOT NULL, "name" text NOT NULL, "deputy_number" text NOT NULL, "phone" text, "employer" text, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_99de99e7915a653c56a553bc737" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_DEPUTY_DELEGATION_ID" ON "deputies"  ("delegation_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_DEPUTY_NUMBER" ON "deputies"  ("jurisdiction_id", "deputy_number") `);
        await queryRunner.query(`CREATE TABLE "handling_units" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "name" text NOT NULL, "code" text NOT NULL, "kind" text NOT NULL, "contact" text, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_9f64978c32d7c9f6623e4b5af11" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_HANDLING_UNIT_CODE" ON "handling_units"  ("jurisdiction_id", "code") `);
        await queryRunner.query(`CREATE TABLE "jurisdictions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "profile" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7cc0bed21c9e2b32866c1109ec5" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_JURISDICTION_CODE" ON "jurisdictions"  ("code") `);
        await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "username" text NOT NULL, "display_name" text NOT NULL, "roles" text array NOT NULL, "deputy_id" uuid, "unit_id" uuid, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_USER_DEPUTY_ID" ON "users"  ("deputy_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_USER_UNIT_ID" ON "users"  ("unit_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_USER_USERNAME" ON "users"  ("jurisdiction_id", "username") `);
        await queryRunner.query(`CREATE TABLE "deadline_firings" ("deadline_id" uuid NOT NULL, "firing" text NOT NULL, "fired_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4502f734f6429d77320b56e4c8b" PRIMARY KEY ("deadline_id", "firing"))`);
        await queryRunner.query(`CREATE TABLE "deadlines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "workflow" text NOT NULL, "instance_id" uuid NOT NULL, "key" text NOT NULL, "kind" text NOT NULL, "unit_id" uuid, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reminder_offsets_days" integer array NOT NULL, "status" text NOT NULL DEFAULT 'OPEN', "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a9b8551c028a78298641a8e3470" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_DEADLINE_INSTANCE_ID" ON "deadlines"  ("instance_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_DEADLINE_OPEN_DUE_AT" ON "deadlines"  ("due_at") WHERE status = 'OPEN'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_DEADLINE_OPEN_KEY" ON "deadlines"  ("instance_id", "key") WHERE status = 'OPEN'`);
        await queryRunner.query(`CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "user_id" uuid NOT NULL, "outbox_id" uuid NOT NULL, "template" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "instance_id" uuid, "data" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_NOTIFICATION_USER_CREATED" ON "notifications"  ("user_id", "created_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_NOTIFICATION_OUTBOX_USER" ON "notifications"  ("outbox_id", "user_id") `);
        await queryRunner.query(`CREATE TABLE "outbox_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "instance_id" uuid, "template" text NOT NULL, "recipients" jsonb NOT NULL, "data" jsonb NOT NULL, "dedupe_key" text NOT NULL, "status" text NOT NULL DEFAULT 'PENDING', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_OUTBOX_PENDING" ON "outbox_messages"  ("created_at") WHERE status = 'PENDING'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_OUTBOX_DEDUPE_KEY" ON "outbox_messages"  ("dedupe_key") `);
        await queryRunner.query(`CREATE TABLE "assignments" ("suggestion_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "round" integer NOT NULL, "jurisdiction_id" uuid NOT NULL, "role" text NOT NULL, "acknowledged" boolean NOT NULL, "adjustment_requested" boolean NOT NULL, "contacts" integer NOT NULL, "opinion_given" boolean NOT NULL, "reply_due_at" TIMESTAMP WITH TIME ZONE, "overdue" boolean NOT NULL, "classification" text, "active" boolean NOT NULL DEFAULT true, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_cc70eb3d5cdf6890e45f6de53dd" PRIMARY KEY ("suggestion_id", "unit_id", "round"))`);
        await queryRunner.query(`CREATE INDEX "IDX_ASSIGNMENT_UNIT" ON "assignments"  ("unit_id", "reply_due_at") `);
        await queryRunner.query(`CREATE TABLE "feedback" ("suggestion_id" uuid NOT NULL, "deputy_id" uuid NOT NULL, "round" integer NOT NULL, "jurisdiction_id" uuid NOT NULL, "handling_work" text, "result" text, "comment" text, "given_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_576c551c47fd621b62db113bb93" PRIMARY KEY ("suggestion_id", "deputy_id", "round"))`);
        await queryRunner.query(`CREATE INDEX "IDX_FEEDBACK_DEPUTY" ON "feedback"  ("deputy_id") `);
        await queryRunner.query(`CREATE TABLE "replies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "suggestion_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "round" integer NOT NULL, "classification" text NOT NULL, "text" text NOT NULL, "signed_by" text, "contact_person" text, "contact_phone" text, "agrees_to_disclosure" boolean NOT NULL DEFAULT false, "is_follow_up" boolean NOT NULL DEFAULT false, "preceded_by_contact" boolean NOT NULL, "on_time" boolean NOT NULL, "replied_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_08f619ebe431e27e9d206bea132" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_REPLY_UNIT" ON "replies"  ("unit_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_REPLY_SUGGESTION" ON "replies"  ("suggestion_id", "round") `);
        await queryRunner.query(`CREATE TABLE "suggestion_proposers" ("suggestion_id" uuid NOT NULL, "deputy_id" uuid NOT NULL, "jurisdiction_id" uuid NOT NULL, "role" text NOT NULL, "status" text NOT NULL, "via_suggestion_id" uuid, CONSTRAINT "PK_3fcab374b36962f9b7b2dbbca63" PRIMARY KEY ("suggestion_id", "deputy_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_SUGGESTION_PROPOSER_DEPUTY" ON "suggestion_proposers"  ("deputy_id") `);
        await queryRunner.query(`CREATE TABLE "suggestions" ("id" uuid NOT NULL, "jurisdiction_id" uuid NOT NULL, "session_id" uuid NOT NULL, "number" integer, "title" text NOT NULL, "content" text NOT NULL, "category" text NOT NULL, "during_session" boolean NOT NULL, "lead_deputy_id" uuid NOT NULL, "delegation_id" uuid, "agrees_to_disclosure" boolean NOT NULL, "requests_confidentiality" boolean NOT NULL DEFAULT false, "state" text NOT NULL, "round" integer NOT NULL DEFAULT '0', "classification" text, "overdue" boolean NOT NULL DEFAULT false, "is_key" boolean NOT NULL DEFAULT false, "key_state" text, "disclosure_state" text, "merged_into_id" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_745bbcb037ac379969b5fc7b352" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_SUGGESTION_SESSION_NUMBER" ON "suggestions"  ("session_id", "number") WHERE number IS NOT NULL`);
        await queryRunner.query(`CREATE INDEX "IDX_SUGGESTION_LEAD_DEPUTY" ON "suggestions"  ("lead_deputy_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_SUGGESTION_STATE" ON "suggestions"  ("jurisdiction_id", "state") `);
        await queryRunner.query(`CREATE INDEX "IDX_SUGGESTION_SESSION_ID" ON "suggestions"  ("jurisdiction_id", "session_id", "number") `);
        await queryRunner.query(`CREATE TABLE "audit_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "workflow" text NOT NULL, "instance_id" uuid, "seq" integer NOT NULL, "actor_user_id" text NOT NULL, "actor_roles" text array NOT NULL, "event_type" text NOT NULL, "from_state" text, "to_state" text NOT NULL, "payload" jsonb NOT NULL, "reason" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_AUDIT_EVENT_JURISDICTION_AT" ON "audit_events"  ("jurisdiction_id", "at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "UQ_AUDIT_EVENT_INSTANCE_SEQ" ON "audit_events"  ("instance_id", "seq") `);
        await queryRunner.query(`CREATE TABLE "idempotency_keys" ("user_id" text NOT NULL, "key" text NOT NULL, "request_hash" text NOT NULL, "status_code" integer NOT NULL, "response" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_392b1af86f210d98d3f0c764728" PRIMARY KEY ("user_id", "key"))`);
        await queryRunner.query(`CREATE TABLE "workflow_instances" ("id" uuid NOT NULL, "jurisdiction_id" uuid NOT NULL, "workflow" text NOT NULL, "machine_version" integer NOT NULL, "snapshot" jsonb NOT NULL, "version" integer NOT NULL, "last_event_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_90cc94e44ff8b7b7869f50e4fc4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_WORKFLOW_INSTANCE_JURISDICTION" ON "workflow_instances"  ("jurisdiction_id", "workflow") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_WORKFLOW_INSTANCE_JURISDICTION"`);
        await queryRunner.query(`DROP TABLE "workflow_instances"`);
        await queryRunner.query(`DROP TABLE "idempotency_keys"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_AUDIT_EVENT_INSTANCE_SEQ"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_AUDIT_EVENT_JURISDICTION_AT"`);
        await queryRunner.query(`DROP TABLE "audit_events"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_SUGGESTION_SESSION_ID"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_SUGGESTION_STATE"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_SUGGESTION_LEAD_DEPUTY"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_SUGGESTION_SESSION_NUMBER"`);
        await queryRunner.query(`DROP TABLE "suggestions"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_SUGGESTION_PROPOSER_DEPUTY"`);
        await queryRunner.query(`DROP TABLE "suggestion_proposers"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_REPLY_SUGGESTION"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_REPLY_UNIT"`);
        await queryRunner.query(`DROP TABLE "replies"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_FEEDBACK_DEPUTY"`);
        await queryRunner.query(`DROP TABLE "feedback"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ASSIGNMENT_UNIT"`);
        await queryRunner.query(`DROP TABLE "assignments"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_OUTBOX_DEDUPE_KEY"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_OUTBOX_PENDING"`);
        await queryRunner.query(`DROP TABLE "outbox_messages"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_NOTIFICATION_OUTBOX_USER"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_NOTIFICATION_USER_CREATED"`);
        await queryRunner.query(`DROP TABLE "notifications"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_DEADLINE_OPEN_KEY"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_DEADLINE_OPEN_DUE_AT"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_DEADLINE_INSTANCE_ID"`);
        await queryRunner.query(`DROP TABLE "deadlines"`);
        await queryRunner.query(`DROP TABLE "deadline_firings"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_USER_USERNAME"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_USER_UNIT_ID"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_USER_DEPUTY_ID"`);
        await queryRunner.query(`DROP TABLE "users"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_JURISDICTION_CODE"`);
        await queryRunner.query(`DROP TABLE "jurisdictions"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_HANDLING_UNIT_CODE"`);
        await queryRunner.query(`DROP TABLE "handling_units"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_DEPUTY_NUMBER"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_DEPUTY_DELEGATION_ID"`);
        await queryRunner.query(`DROP TABLE "deputies"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_DELEGATION_NAME"`);
        await queryRunner.query(`DROP TABLE "delegations"`);
        await queryRunner.query(`DROP INDEX "public"."UQ_CONGRESS_SESSION_TERM_NUMBER"`);
        await queryRunner.query(`DROP TABLE "congress_sessions"`);
    }

}
