import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Livelihood projects chosen by deputies' vote (民生实事项目代表票决制): each year's vote beside its workflow instance,
 * candidates, the public's proposals, progress and committee reports, and the secret approval ballot kept in two
 * unlinked halves (receipts: who; tallies: what) with the entitlements fixed when a round opens.
 */
export class LivelihoodProjects1795985000000 implements MigrationInterface {
  name = 'LivelihoodProjects1795985000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "livelihood_votes" ("id" uuid NOT NULL, "jurisdiction_id" uuid NOT NULL, "year" integer NOT NULL, "title" text NOT NULL, "session_name" text NOT NULL, "places" integer NOT NULL, "state" text NOT NULL, "electorate" integer, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "concluded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_054085d7bb0f2ddab0b7ce24591" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_LIVELIHOOD_VOTE_YEAR" ON "livelihood_votes" ("jurisdiction_id", "year") WHERE state <> 'cancelled'`);
    await queryRunner.query(
      `CREATE TABLE "livelihood_candidates" ("id" uuid NOT NULL, "jurisdiction_id" uuid NOT NULL, "vote_id" uuid NOT NULL, "position" integer NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "unit_id" uuid, "source" text NOT NULL, "proposal_id" uuid, "withdrawn" boolean NOT NULL DEFAULT false, "withdraw_reason" text, "outcome" text, "progress" integer NOT NULL DEFAULT '0', "added_by" uuid NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_03e85c5fa905a3a5ccf45e9865e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_LIVELIHOOD_CANDIDATE_UNIT" ON "livelihood_candidates" ("jurisdiction_id", "unit_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_LIVELIHOOD_CANDIDATE_VOTE_POSITION" ON "livelihood_candidates" ("vote_id", "position")`);
    await queryRunner.query(
      `CREATE TABLE "livelihood_proposals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "location" text, "proposer_name" text, "proposer_contact" text, "client_key" text NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL, "vote_id" uuid, "candidate_id" uuid, "adopted_by" uuid, "adopted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d2d034be012d3c0f7157143797e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_LIVELIHOOD_PROPOSAL_CLIENT" ON "livelihood_proposals" ("client_key", "submitted_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_LIVELIHOOD_PROPOSAL_JURISDICTION" ON "livelihood_proposals" ("jurisdiction_id", "submitted_at")`);
    await queryRunner.query(
      `CREATE TABLE "livelihood_progress_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "vote_id" uuid NOT NULL, "project_id" uuid NOT NULL, "percent" integer NOT NULL, "text" text NOT NULL, "milestone_ids" uuid array NOT NULL, "reported_by" uuid NOT NULL, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3f65828c642c0b9571f158b61ec" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_LIVELIHOOD_PROGRESS_PROJECT" ON "livelihood_progress_reports" ("vote_id", "project_id", "reported_at")`);
    await queryRunner.query(
      `CREATE TABLE "livelihood_committee_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "jurisdiction_id" uuid NOT NULL, "vote_id" uuid NOT NULL, "text" text NOT NULL, "reported_by" uuid NOT NULL, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE, "on_time" boolean NOT NULL, CONSTRAINT "PK_a90bf965c2db9b8daa128ed365a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_LIVELIHOOD_COMMITTEE_REPORT_VOTE" ON "livelihood_committee_reports" ("vote_id", "reported_at")`);
    await queryRunner.query(
      `CREATE TABLE "livelihood_ballot_entitlements" ("vote_id" uuid NOT NULL, "round" integer NOT NULL, "voter_user_id" uuid NOT NULL, "jurisdiction_id" uuid NOT NULL, CONSTRAINT "PK_fbe960216a9470157781c05d2a0" PRIMARY KEY ("vote_id", "round", "voter_user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "livelihood_ballot_receipts" ("vote_id" uuid NOT NULL, "round" integer NOT NULL, "voter_user_id" uuid NOT NULL, "jurisdiction_id" uuid NOT NULL, CONSTRAINT "PK_4f486a5846fd4a23d28b6948769" PRIMARY KEY ("vote_id", "round", "voter_user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "livelihood_ballot_tallies" ("vote_id" uuid NOT NULL, "round" integer NOT NULL, "candidate_id" uuid NOT NULL, "jurisdiction_id" uuid NOT NULL, "approvals" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_70afc6f2cb8f4df200877453de7" PRIMARY KEY ("vote_id", "round", "candidate_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'livelihood_ballot_tallies', 'livelihood_ballot_receipts', 'livelihood_ballot_entitlements', 'livelihood_committee_reports',
      'livelihood_progress_reports', 'livelihood_proposals', 'livelihood_candidates', 'livelihood_votes',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
