import { MigrationInterface, QueryRunner } from 'typeorm';

/** E-mail and SMS: each user's channel choices, and one row per message per external channel (the exactly-once key). */
export class NotificationChannels1795975000000 implements MigrationInterface {
  name = 'NotificationChannels1795975000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "jurisdiction_id" uuid NOT NULL, "channels" text array NOT NULL DEFAULT '{}', "email" text, "phone" text, "digest" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_64c90edc7310c6be7c10c96f675" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_NOTIFICATION_PREFERENCE_JURISDICTION" ON "notification_preferences" ("jurisdiction_id")`);
    await queryRunner.query(
      `CREATE TABLE "notification_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "user_id" uuid NOT NULL, "channel" text NOT NULL, "delivery_key" text NOT NULL, "outbox_id" uuid, "address" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "params" jsonb NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "digest_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "failed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_81daeff81f237bd384f7cfc4a4c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_NOTIFICATION_DELIVERY_USER_STATUS" ON "notification_deliveries" ("user_id", "channel", "status")`);
    await queryRunner.query(`CREATE INDEX "IDX_NOTIFICATION_DELIVERY_JURISDICTION_STATUS" ON "notification_deliveries" ("jurisdiction_id", "status")`);
    await queryRunner.query(`CREATE INDEX "IDX_NOTIFICATION_DELIVERY_STATUS" ON "notification_deliveries" ("status", "created_at")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_NOTIFICATION_DELIVERY_KEY" ON "notification_deliveries" ("delivery_key")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_deliveries"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
  }
}
