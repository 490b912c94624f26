import { MigrationInterface, QueryRunner } from 'typeorm';

/** Password accounts, revocable sessions with rotating refresh tokens, login throttling, the account audit chain head, deputies' leaving date. */
export class Accounts1795920000000 implements MigrationInterface {
  name = 'Accounts1795920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "auth_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "user_id" uuid NOT NULL, "refresh_hash" text NOT NULL, "previous_refresh_hash" text, "method" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "refreshed_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoke_reason" text, CONSTRAINT "PK_641507381f32580e8479efc36cd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_AUTH_SESSION_USER_ID" ON "auth_sessions" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_AUTH_SESSION_PREVIOUS_REFRESH_HASH" ON "auth_sessions" ("previous_refresh_hash")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_AUTH_SESSION_REFRESH_HASH" ON "auth_sessions" ("refresh_hash")`);
    await queryRunner.query(
      `CREATE TABLE "login_throttles" ("jurisdiction_id" uuid NOT NULL, "username" text NOT NULL, "failed_count" integer NOT NULL DEFAULT '0', "last_failed_at" TIMESTAMP WITH TIME ZONE, "blocked_until" TIMESTAMP WITH TIME ZONE, "locked" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_3a7a6ad50145bcbd2a8fe20fcfd" PRIMARY KEY ("jurisdiction_id", "username"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_chain_heads" ("jurisdiction_id" uuid NOT NULL, "workflow" text NOT NULL, "seq" integer NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_64587bcddf320d9f4bbebdd4717" PRIMARY KEY ("jurisdiction_id", "workflow"))`,
    );
    await queryRunner.query(`ALTER TABLE "deputies" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "users" ADD "password_hash" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "password_changed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "users" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "must_change_password"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "password_changed_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "password_hash"`);
    await queryRunner.query(`ALTER TABLE "deputies" DROP COLUMN "deactivated_at"`);
    await queryRunner.query(`DROP TABLE "audit_chain_heads"`);
    await queryRunner.query(`DROP TABLE "login_throttles"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_AUTH_SESSION_REFRESH_HASH"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_AUTH_SESSION_PREVIOUS_REFRESH_HASH"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_AUTH_SESSION_USER_ID"`);
    await queryRunner.query(`DROP TABLE "auth_sessions"`);
  }
}
