import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { updatedRows } from '@app/persistence';
import type { EntitledVoter, ItemResult, ItemTally, VoteChoice } from '@app/workflows/vote-session';
import { VoteItemEntity } from '../entities/vote-item.entity';
import { VoteSessionEntity } from '../entities/vote-session.entity';
import { ACTIVE_VOTE_STATES, VOTE_SESSION_WORKFLOW } from '../constants/meetings.constant';
import { addToShardsCtes, ballotCte, maskedShardRows, ShardedTally, shardedBallotParams } from '../utils/tally-shard.util';
import type { TenantScope } from './key-proposal.repository';

/** An item as sessions and announcements show it: the subject's number and title as voted on. */
export interface VoteItemRow extends Omit<VoteItemEntity, 'jurisdictionId' | 'subjectNumber' | 'subjectTitle'> {
  number: number | null;
  title: string;
}

/** The result of one closed vote on one subject. */
export interface SubjectVoteResult {
  subjectId: string;
  voteSessionId: string;
  title: string;
  meetingName: string;
  meetingDate: string;
  state: string;
  announcementYear: number | null;
  announcementNumber: number | null;
  ballotsIssued: number;
  ballotsReturned: number | null;
  satisfied: number | null;
  basicallySatisfied: number | null;
  unsatisfied: number | null;
  passed: boolean | null;
}

/** A subject with its number and title, as the session stores it. */
export interface VoteSubjectRow {
  kind: string;
  id: string;
  number: number | null;
  title: string;
}

export interface LiveCount {
  state: string;
  votersEntitled: number;
  votersReturned: number;
  items: Array<{ itemId: string; issued: number; returned: number }>;
}

const TALLY_COLUMN: Record<VoteChoice, string> = {
  SATISFIED: 'satisfied',
  BASICALLY_SATISFIED: 'basically_satisfied',
  UNSATISFIED: 'unsatisfied',
};

/** An item's counter shards: a ballot adds 1 to its choice's column and 0 to the others, in one random shard. */
const VOTE_TALLY: ShardedTally = { table: 'vote_tallies', key: 'vote_item_id', counters: Object.values(TALLY_COLUMN) };

/** What a ballot paper found (state, entitlement, items not in the session, the voter's earlier receipts) and wrote. */
export interface CastBallotRow {
  state: string;
  entitled: boolean;
  unknownItemIds: string[];
  votedItemIds: string[];
  receipted: number;
  counted: number;
}

/** Whether `error` is PostgreSQL's error `code`, as TypeORM wraps it. */
const isPgError = (error: unknown, code: string) => error instanceof QueryFailedError && (error.driverError as { code?: string }).code === code;
const isUniqueViolation = (error: unknown) => isPgError(error, '23505');

/** The text a ballot statement fails with when an item had no counter shard: counted n of m items. */
const SHARD_MISSING_TEXT = 'no counter shard for every item: counted ';
const SHARD_MISSING = `'${SHARD_MISSING_TEXT}'`;

/**
 * The ballot statement (see VoteRepository.castBallot): the `ballot` parameters first, then after `ballotParams` of
 * them the session, the jurisdiction, the voter and the workflow name.
 */
function castBallotSql(ballotParams: number): string {
  const [session, jurisdiction, voter, workflow] = [1, 2, 3, 4].map((i) => `$${ballotParams + i}`);
  return `WITH ${ballotCte(VOTE_TALLY, 1)},
        session AS MATERIALIZED (
          SELECT w.id, w.snapshot->>'value' AS state FROM workflow_instances w
           WHERE w.id = ${session} AND w.jurisdiction_id = ${jurisdiction} AND w.workflow = ${workflow} FOR SHARE OF w),
        guard AS MATERIALIZED (
          SELECT s.state,
                 EXISTS (SELECT 1 FROM vote_entitlements e WHERE e.vote_session_id = s.id AND e.user_id = ${voter}) AS entitled,
                 ARRAY(SELECT b.vote_item_id::text FROM ballot b
                        WHERE NOT EXISTS (SELECT 1 FROM vote_items i WHERE i.id = b.vote_item_id AND i.vote_session_id = s.id)) AS "unknownItemIds",
                 ARRAY(SELECT r.vote_item_id::text FROM vote_receipts r WHERE r.vote_session_id = s.id AND r.voter_user_id = ${voter}) AS "votedItemIds"
            FROM session s),
        accepted AS MATERIALIZED (
          SELECT state = 'open' AND entitled AND cardinality("unknownItemIds") = 0
                 AND NOT EXISTS (SELECT 1 FROM ballot b JOIN vote_receipts r ON r.vote_item_id = b.vote_item_id AND r.voter_user_id = ${voter}) AS ok
            FROM guard),
        receipts AS (
          INSERT INTO vote_receipts (vote_item_id, voter_user_id, vote_session_id, jurisdiction_id)
          SELECT vote_item_id, ${voter}, ${session}, ${jurisdiction} FROM ballot WHERE (SELECT ok FROM accepted) RETURNING 1),
        ${addToShardsCtes(VOTE_TALLY, '(SELECT ok FROM accepted)')}
   SELECT g.*, r.n AS receipted, c.n AS counted,
          -- Should an item have no shard to count in (a bug, never a voter's doing), the statement fails and keeps nothing.
          CASE WHEN r.n <> c.n THEN (${SHARD_MISSING} || c.n || ' of ' || r.n)::int END AS unreachable
     FROM guard g, (SELECT count(*)::int AS n FROM receipts) r, (SELECT count(*)::int AS n FROM counted) c`;
}

/**
 * Vote sessions, their items, entitlements and the two halves of the secret ballot: receipts (who) and
 * tallies (what). Every method takes the tenant scope or runs inside a transaction the engine opened for it.
 */
@Injectable()
export class VoteRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertSession(manager: EntityManager, session: VoteSessionEntity, subjects: VoteSubjectRow[]): Promise<void> {
    await manager.getRepository(VoteSessionEntity).insert(session);
    await manager.getRepository(VoteItemEntity).insert(
      subjects.map((subject, index) => ({
        jurisdictionId: session.jurisdictionId, voteSessionId: session.id, subjectKind: subject.kind, subjectId: subject.id,
        subjectNumber: subject.number, subjectTitle: subject.title, position: index + 1, ballotsIssued: 0,
        ballotsReturned: null, satisfied: null, basicallySatisfied: null, unsatisfied: null, passed: null, resultReason: null,
      })),
    );
  }

  findSession(scope: TenantScope, id: string): Promise<VoteSessionEntity | null> {
    return this.dataSource.getRepository(VoteSessionEntity).findOneBy({ id, jurisdictionId: scope.jurisdictionId });
  }

  listSessions(scope: TenantScope): Promise<VoteSessionEntity[]> {
    return this.dataSource.getRepository(VoteSessionEntity).find({
      where: { jurisdictionId: scope.jurisdictionId },
      order: { meetingDate: 'DESC', createdAt: 'DESC' },
    });
  }

  items(scope: TenantScope, sessionId: string, manager: EntityManager = this.dataSource.manager): Promise<VoteItemRow[]> {
    return manager.query(
      `SELECT i.id, i.vote_session_id AS "voteSessionId", i.subject_kind AS "subjectKind", i.subject_id AS "subjectId", i.position,
              i.subject_number AS number, i.subject_title AS title,
              i.ballots_issued AS "ballotsIssued", i.ballots_returned AS "ballotsReturned", i.satisfied,
              i.basically_satisfied AS "basicallySatisfied", i.unsatisfied, i.passed, i.result_reason AS "resultReason"
         FROM vote_items i
        WHERE i.jurisdiction_id = $1 AND i.vote_session_id = $2 ORDER BY i.position`,
      [scope.jurisdictionId, sessionId],
    );
  }

  /**
   * Locks the subjects' workflow instances until the transaction ends: two sessions prepared at once cannot both
   * take a subject, because the second waits here and then sees the first one's items.
   */
  async lockSubjects(manager: EntityManager, scope: TenantScope, ids: string[]): Promise<void> {
    await manager.query('SELECT id FROM workflow_instances WHERE jurisdiction_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE', [
      scope.jurisdictionId, ids,
    ]);
  }

  /** Subjects among `subjects` already held by a session that has not closed. */
  async heldByActiveSession(manager: EntityManager, scope: TenantScope, subjects: Array<{ kind: string; id: string }>): Promise<Array<{ kind: string; id: string }>> {
    return manager.query(
      `SELECT i.subject_kind AS kind, i.subject_id AS id FROM vote_items i JOIN vote_sessions v ON v.id = i.vote_session_id
        WHERE i.jurisdiction_id = $1 AND v.state = ANY($2::text[])
          AND (i.subject_kind, i.subject_id) IN (SELECT * FROM unnest($3::text[], $4::uuid[]))`,
      [scope.jurisdictionId, [...ACTIVE_VOTE_STATES], subjects.map((s) => s.kind), subjects.map((s) => s.id)],
    );
  }

  /** Results of closed votes on subjects of one kind, oldest meeting first: nothing is known while a session is open. */
  subjectResults(scope: TenantScope, kind: string, ids: string[]): Promise<SubjectVoteResult[]> {
    return this.dataSource.query(
      `SELECT i.subject_id AS "subjectId", v.id AS "voteSessionId", v.title, v.meeting_name AS "meetingName", v.meeting_date::text AS "meetingDate",
              v.state, v.announcement_year AS "announcementYear", v.announcement_number AS "announcementNumber",
              i.ballots_issued AS "ballotsIssued", i.ballots_returned AS "ballotsReturned", i.satisfied,
              i.basically_satisfied AS "basicallySatisfied", i.unsatisfied, i.passed
         FROM vote_items i JOIN vote_sessions v ON v.id = i.vote_session_id
        WHERE i.jurisdiction_id = $1 AND i.subject_kind = $2 AND i.subject_id = ANY($3::uuid[]) AND v.state IN ('closed', 'published')
        ORDER BY v.meeting_date, v.closed_at`,
      [scope.jurisdictionId, kind, ids],
    );
  }

  /** OPEN: the entitled voters, one ballot per voter on every item, and an empty tally per item: masked shards summing to zero. */
  async fixEntitledVoters(manager: EntityManager, scope: TenantScope, sessionId: string, voters: EntitledVoter[]): Promise<void> {
    await manager.query(
      `INSERT INTO vote_entitlements (vote_session_id, user_id, jurisdiction_id, kind)
       SELECT $1, v.user_id, $2, v.kind FROM unnest($3::uuid[], $4::text[]) AS v(user_id, kind)`,
      [sessionId, scope.jurisdictionId, voters.map((v) => v.userId), voters.map((v) => v.kind)],
    );
    await manager.query('UPDATE vote_items SET ballots_issued = $2 WHERE vote_session_id = $1', [sessionId, voters.length]);
    await this.insertEmptyTallies(manager, scope, sessionId);
  }

  /** Every item's counter shards, masked by fresh zero-sum offsets, so they count nothing yet. */
  async insertEmptyTallies(manager: EntityManager, scope: TenantScope, sessionId: string): Promise<void> {
    const items: Array<{ id: string }> = await manager.query('SELECT id FROM vote_items WHERE vote_session_id = $1', [sessionId]);
    const shards = maskedShardRows(items.map((item) => item.id), VOTE_TALLY.counters.length);
    await manager.query(
      `INSERT INTO vote_tallies (vote_item_id, shard, satisfied, basically_satisfied, unsatisfied, vote_session_id, jurisdiction_id)
       SELECT t.*, $6::uuid, $7::uuid FROM unnest($1::uuid[], $2::int[], $3::int[], $4::int[], $5::int[]) AS t`,
      [shards.keys, shards.shards, ...shards.counters, sessionId, scope.jurisdictionId],
    );
  }

  async isEntitled(manager: EntityManager, sessionId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM vote_entitlements WHERE vote_session_id = $1 AND user_id = $2', [sessionId, userId]);
    return rows.length === 1;
  }

  /**
   * One ballot paper in one statement, so it is one transaction holding its locks for one round trip:
   * - `session` takes a share lock on the session's workflow instance: CLOSE updates that row first, so it waits
   *   for ballots in flight, and a ballot after it re-reads the row and finds it `closed`;
   * - `guard` checks the state, the voter's entitlement, the items and the voter's earlier receipts;
   * - only if all is well, the receipts (who) and, for each item, the ballot's random shard of its counters (what),
   *   locked in item order so concurrent papers never deadlock.
   * A receipt that a concurrent paper of the same voter wrote first fails the whole statement: ALREADY_CAST then;
   * null when there is no such session.
   */
  async castBallot(
    scope: TenantScope,
    ballot: { sessionId: string; voterId: string; choices: Array<{ itemId: string; choice: VoteChoice }> },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CastBallotRow | 'ALREADY_CAST' | null> {
    const amounts = (choice: VoteChoice) => VOTE_TALLY.counters.map((column) => (column === TALLY_COLUMN[choice] ? 1 : 0));
    const params = shardedBallotParams(VOTE_TALLY, ballot.choices.map((c) => ({ key: c.itemId, amounts: amounts(c.choice) })));
    try {
      const [row]: CastBallotRow[] = await manager.query(
        castBallotSql(params.length),
        [...params, ballot.sessionId, scope.jurisdictionId, ballot.voterId, VOTE_SESSION_WORKFLOW],
      );
      return row ?? null;
    } catch (error) {
      if (isUniqueViolation(error)) return 'ALREADY_CAST';
      if (isPgError(error, '22P02') && String((error as Error).message).includes(SHARD_MISSING_TEXT)) throw new Error(`Vote session ${ballot.sessionId}: ${(error as Error).message}`);
      throw error;
    }
  }

  /**
   * CLOSE: sums the final counter shards and deletes them, so that no row holding choices keeps a voter's
   * transaction id (PostgreSQL's xmin) once the session is closed; the results live on in vote_items.
   */
  async takeTallies(manager: EntityManager, sessionId: string): Promise<Array<ItemTally & { itemId: string; subjectKind: string; subjectId: string }>> {
    return manager.query(
      `WITH taken AS (DELETE FROM vote_tallies WHERE vote_session_id = $1 RETURNING vote_item_id, satisfied, basically_satisfied, unsatisfied)
       SELECT t.vote_item_id AS "itemId", i.subject_kind AS "subjectKind", i.subject_id AS "subjectId", sum(t.satisfied)::int AS satisfied,
              sum(t.basically_satisfied)::int AS "basicallySatisfied", sum(t.unsatisfied)::int AS unsatisfied
         FROM taken t JOIN vote_items i ON i.id = t.vote_item_id
        GROUP BY t.vote_item_id, i.subject_kind, i.subject_id`,
      [sessionId],
    );
  }

  async writeResult(manager: EntityManager, itemId: string, result: ItemResult): Promise<void> {
    await manager.query(
      `UPDATE vote_items SET ballots_returned = $2, satisfied = $3, basically_satisfied = $4, unsatisfied = $5, passed = $6,
              result_reason = $7 WHERE id = $1`,
      [itemId, result.returned, result.satisfied, result.basicallySatisfied, result.unsatisfied, result.passed, result.reason],
    );
  }

  /** PUBLISH: the next announcement number of the year; the jurisdiction row lock serialises concurrent publications. */
  async allocateAnnouncementNumber(manager: EntityManager, scope: TenantScope, sessionId: string, year: number): Promise<number> {
    await manager.query('SELECT id FROM jurisdictions WHERE id = $1 FOR UPDATE', [scope.jurisdictionId]);
    const rows = updatedRows<{ number: number }>(
      await manager.query(
        `UPDATE vote_sessions SET announcement_year = $3, announcement_number = (
            SELECT coalesce(max(announcement_number), 0) + 1 FROM vote_sessions WHERE jurisdiction_id = $2 AND announcement_year = $3)
          WHERE id = $1 RETURNING announcement_number AS number`,
        [sessionId, scope.jurisdictionId, year],
      ),
    );
    return rows[0].number;
  }

  async project(
    manager: EntityManager,
    sessionId: string,
    row: { state: string; openedAt: string | null; closedAt: string | null; publishedAt: string | null },
  ): Promise<void> {
    await manager.query('UPDATE vote_sessions SET state = $2, opened_at = $3, closed_at = $4, published_at = $5 WHERE id = $1', [
      sessionId, row.state, row.openedAt, row.closedAt, row.publishedAt,
    ]);
  }

  /** Ballots issued and returned, counted from receipts only: never a choice. */
  async liveCount(scope: TenantScope, sessionId: string): Promise<LiveCount | null> {
    const [session]: Array<{ state: string; entitled: number; returned: number }> = await this.dataSource.query(
      `SELECT v.state,
              (SELECT count(*)::int FROM vote_entitlements e WHERE e.vote_session_id = v.id) AS entitled,
              (SELECT count(DISTINCT r.voter_user_id)::int FROM vote_receipts r WHERE r.vote_session_id = v.id) AS returned
         FROM vote_sessions v WHERE v.id = $1 AND v.jurisdiction_id = $2`,
      [sessionId, scope.jurisdictionId],
    );
    if (!session) return null;
    const items: Array<{ itemId: string; issued: number; returned: number }> = await this.dataSource.query(
      `SELECT i.id AS "itemId", i.ballots_issued AS issued,
              (SELECT count(*)::int FROM vote_receipts r WHERE r.vote_item_id = i.id) AS returned
         FROM vote_items i WHERE i.vote_session_id = $1 ORDER BY i.position`,
      [sessionId],
    );
    return { state: session.state, votersEntitled: session.entitled, votersReturned: session.returned, items };
  }

  /** The items this voter has returned a ballot for (their own receipts, never a choice). */
  async itemsVotedBy(scope: TenantScope, sessionId: string, voterId: string): Promise<string[]> {
    const rows: Array<{ itemId: string }> = await this.dataSource.query(
      `SELECT vote_item_id AS "itemId" FROM vote_receipts WHERE jurisdiction_id = $1 AND vote_session_id = $2 AND voter_user_id = $3`,
      [scope.jurisdictionId, sessionId, voterId],
    );
    return rows.map((row) => row.itemId);
  }

  async entitlementCounts(scope: TenantScope, sessionId: string): Promise<{ members: number; deputies: number }> {
    const [row]: Array<{ members: number; deputies: number }> = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE kind = 'MEMBER')::int AS members, count(*) FILTER (WHERE kind = 'DEPUTY')::int AS deputies
         FROM vote_entitlements WHERE jurisdiction_id = $1 AND vote_session_id = $2`,
      [scope.jurisdictionId, sessionId],
    );
    return row;
  }
}
