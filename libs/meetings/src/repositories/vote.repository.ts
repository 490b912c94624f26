import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { updatedRows } from '@app/persistence';
import { WorkflowInstanceRepository } from '@app/workflow-engine';
import type { EntitledVoter, ItemResult, ItemTally, VoteChoice } from '@app/workflows/vote-session';
import { VoteItemEntity } from '../entities/vote-item.entity';
import { VoteSessionEntity } from '../entities/vote-session.entity';
import { ACTIVE_VOTE_STATES, VOTE_SESSION_WORKFLOW } from '../constants/meetings.constant';
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

/**
 * Vote sessions, their items, entitlements and the two halves of the secret ballot: receipts (who) and
 * tallies (what). Every method takes the tenant scope or runs inside a transaction the engine opened for it.
 */
@Injectable()
export class VoteRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly instances: WorkflowInstanceRepository,
  ) {}

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

  /** OPEN: the entitled voters, one ballot per voter on every item, and an empty tally per item. */
  async fixEntitledVoters(manager: EntityManager, scope: TenantScope, sessionId: string, voters: EntitledVoter[]): Promise<void> {
    await manager.query(
      `INSERT INTO vote_entitlements (vote_session_id, user_id, jurisdiction_id, kind)
       SELECT $1, v.user_id, $2, v.kind FROM unnest($3::uuid[], $4::text[]) AS v(user_id, kind)`,
      [sessionId, scope.jurisdictionId, voters.map((v) => v.userId), voters.map((v) => v.kind)],
    );
    await manager.query('UPDATE vote_items SET ballots_issued = $2 WHERE vote_session_id = $1', [sessionId, voters.length]);
    await manager.query(
      `INSERT INTO vote_tallies (vote_item_id, vote_session_id, jurisdiction_id)
       SELECT id, vote_session_id, jurisdiction_id FROM vote_items WHERE vote_session_id = $1`,
      [sessionId],
    );
  }

  /**
   * The session's state as of now, holding a share lock on its workflow instance until the ballot commits:
   * CLOSE updates that row first, so it waits for ballots in flight, and a ballot after it sees `closed`.
   */
  async lockStateForBallot(manager: EntityManager, scope: TenantScope, sessionId: string): Promise<string | null> {
    const snapshot = await this.instances.lockSnapshot(manager, { ...scope, workflow: VOTE_SESSION_WORKFLOW }, sessionId, 'SHARE');
    return snapshot ? String(snapshot.value) : null;
  }

  async isEntitled(manager: EntityManager, sessionId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM vote_entitlements WHERE vote_session_id = $1 AND user_id = $2', [sessionId, userId]);
    return rows.length === 1;
  }

  async itemIdsOf(manager: EntityManager, sessionId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query('SELECT id FROM vote_items WHERE vote_session_id = $1', [sessionId]);
    return rows.map((row) => row.id);
  }

  /** Writes the receipts of one voter's ballot; returns the items they had already voted on (nothing is kept then). */
  async insertReceipts(manager: EntityManager, scope: TenantScope, sessionId: string, voterId: string, itemIds: string[]): Promise<string[]> {
    const inserted = new Set(
      (
        (await manager.query(
          `INSERT INTO vote_receipts (vote_item_id, voter_user_id, vote_session_id, jurisdiction_id)
           SELECT item, $2, $3, $4 FROM unnest($1::uuid[]) AS item ON CONFLICT DO NOTHING RETURNING vote_item_id AS "itemId"`,
          [itemIds, voterId, sessionId, scope.jurisdictionId],
        )) as Array<{ itemId: string }>
      ).map((row) => row.itemId),
    );
    return itemIds.filter((id) => !inserted.has(id));
  }

  /** Adds one choice to an item's counters. Callers go in item-id order so concurrent ballots never deadlock. */
  async addToTally(manager: EntityManager, itemId: string, choice: VoteChoice): Promise<void> {
    const column = TALLY_COLUMN[choice];
    await manager.query(`UPDATE vote_tallies SET ${column} = ${column} + 1 WHERE vote_item_id = $1`, [itemId]);
  }

  /**
   * CLOSE: reads the final counters and deletes them, so that no row holding choices keeps a voter's
   * transaction id (PostgreSQL's xmin) once the session is closed; the results live on in vote_items.
   */
  async takeTallies(manager: EntityManager, sessionId: string): Promise<Array<ItemTally & { itemId: string; subjectKind: string; subjectId: string }>> {
    return updatedRows<ItemTally & { itemId: string; subjectKind: string; subjectId: string }>(
      await manager.query(
        `DELETE FROM vote_tallies t USING vote_items i WHERE t.vote_session_id = $1 AND i.id = t.vote_item_id
         RETURNING t.vote_item_id AS "itemId", i.subject_kind AS "subjectKind", i.subject_id AS "subjectId", t.satisfied,
                   t.basically_satisfied AS "basicallySatisfied", t.unsatisfied`,
        [sessionId],
      ),
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
