import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { preparedRows, updatedRows } from '@app/persistence';
import type { Assignment, Proposer } from '@app/workflows/suggestion';
import type { AuthUser } from '@app/accounts';
import { SuggestionEntity } from '../entities/suggestion.entity';
import { AssignmentEntity } from '../entities/assignment.entity';
import { ReplyEntity } from '../entities/reply.entity';
import { FeedbackEntity } from '../entities/feedback.entity';
import { SuggestionProposerEntity } from '../entities/suggestion-proposer.entity';
import { ListSuggestionsQueryDto } from '../dtos/list-suggestions.query.dto';
import { applyReadPolicy, readPolicySql } from '../utils/suggestion-read-policy.util';

export interface TenantScope {
  jurisdictionId: string;
}

export interface EventOutcome {
  number: number | null;
  openDeadlines: Array<{ id: string; key: string; kind: string; unitId: string | null; dueAt: string }>;
}

export type SuggestionProjection = Pick<
  SuggestionEntity,
  'state' | 'round' | 'classification' | 'overdue' | 'isKey' | 'keyState' | 'disclosureState'
>;

/** Every query of the suggestions domain; each takes the tenant scope. */
@Injectable()
export class SuggestionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, suggestion: Omit<SuggestionEntity, 'createdAt' | 'updatedAt'>): Promise<void> {
    await manager.getRepository(SuggestionEntity).insert(suggestion);
  }

  /** A suggestion the user may read, or null (also for one in another jurisdiction, or one they may not see). */
  async findReadable(user: AuthUser, id: string): Promise<SuggestionEntity | null> {
    const query = this.dataSource.getRepository(SuggestionEntity).createQueryBuilder('s').where('s.id = :id', { id });
    return applyReadPolicy(query, user).getOne();
  }

  /** Whether the user may read the suggestion: the same policy as `findReadable`, without loading the row. */
  async isReadable(user: AuthUser, id: string): Promise<boolean> {
    const params: unknown[] = [id];
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM suggestions s WHERE s.id = $1 AND ${readPolicySql(user, params)} LIMIT 1`, params);
    return rows.length === 1;
  }

  /** What an event's answer adds to the engine's result: the number, and the open deadlines, in one round trip. */
  async eventOutcome(scope: TenantScope, id: string): Promise<EventOutcome> {
    const rows: EventOutcome[] = await this.dataSource.query(
      `SELECT s.number, ${OPEN_DEADLINES_JSON} AS "openDeadlines" FROM suggestions s WHERE s.id = $1 AND s.jurisdiction_id = $2`,
      [id, scope.jurisdictionId],
    );
    return rows[0] ?? { number: null, openDeadlines: [] };
  }

  async list(user: AuthUser, filter: ListSuggestionsQueryDto): Promise<[SuggestionEntity[], number]> {
    const query = applyReadPolicy(this.dataSource.getRepository(SuggestionEntity).createQueryBuilder('s'), user);
    this.applyFilter(query, filter);
    return query
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .take(filter.pageSize)
      .skip((filter.page - 1) * filter.pageSize)
      .getManyAndCount();
  }

  private applyFilter(query: SelectQueryBuilder<SuggestionEntity>, filter: ListSuggestionsQueryDto): void {
    if (filter.state) query.andWhere('s.state = :state', { state: filter.state });
    if (filter.sessionId) query.andWhere('s.session_id = :sessionId', { sessionId: filter.sessionId });
    if (filter.category) query.andWhere('s.category = :category', { category: filter.category });
    if (filter.delegationId) query.andWhere('s.delegation_id = :delegationId', { delegationId: filter.delegationId });
    if (filter.overdue !== undefined) query.andWhere('s.overdue = :overdue', { overdue: filter.overdue });
    if (filter.key !== undefined) query.andWhere('s.is_key = :key', { key: filter.key });
    if (filter.unitId) {
      query.andWhere('EXISTS (SELECT 1 FROM assignments fa WHERE fa.suggestion_id = s.id AND fa.unit_id = :unitId AND fa.active)', {
        unitId: filter.unitId,
      });
    }
    if (filter.deputyId) {
      query.andWhere('EXISTS (SELECT 1 FROM suggestion_proposers fp WHERE fp.suggestion_id = s.id AND fp.deputy_id = :deputyId)', {
        deputyId: filter.deputyId,
      });
    }
  }

  /** Ids among `ids` that are in this jurisdiction (a batch names only its own suggestions). */
  async existingIds(scope: TenantScope, ids: string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      'SELECT id FROM suggestions WHERE jurisdiction_id = $1 AND id = ANY($2::uuid[])',
      [scope.jurisdictionId, ids],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Writes the suggestion's projection and, in the same statement, the assignments that changed and (when `answer`)
   * reads the event's outcome: one round trip for what every handling event updates and answers.
   */
  async project(
    manager: EntityManager,
    scope: TenantScope,
    id: string,
    projection: SuggestionProjection,
    { assignments = [], at = new Date(0), answer = false }: { assignments?: Assignment[]; at?: Date; answer?: boolean } = {},
  ): Promise<EventOutcome | null> {
    const params: unknown[] = [
      id, scope.jurisdictionId, projection.state, projection.round, projection.classification, projection.overdue,
      projection.isKey, projection.keyState, projection.disclosureState,
    ];
    const update = `UPDATE suggestions s SET state = $3, round = $4, classification = $5, overdue = $6, is_key = $7, key_state = $8,
              disclosure_state = $9, updated_at = now()
        WHERE s.id = $1 AND s.jurisdiction_id = $2`;
    if (assignments.length === 0 && !answer) {
      await manager.query(update, params);
      return null;
    }
    const assigned = assignments.length > 0 ? `, assigned AS (${assignmentsUpsert(scope, id, assignments, at, params)})` : '';
    // The outcome sees this transaction's earlier writes (a number allocated, deadlines opened or closed), as a read after it would.
    const outcome = answer ? `, ${OPEN_DEADLINES_JSON} AS "openDeadlines"` : '';
    const rows = await preparedRows<EventOutcome>(
      manager,
      `WITH projected AS (${update} RETURNING s.id, s.jurisdiction_id, s.number)${assigned} SELECT s.number${outcome} FROM projected s`,
      params,
    );
    return answer ? (rows[0] ?? null) : null;
  }

  async markSubmitted(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query('UPDATE suggestions SET submitted_at = $2 WHERE id = $1', [id, at]);
  }

  async markMerged(manager: EntityManager, id: string, targetId: string): Promise<void> {
    await manager.query('UPDATE suggestions SET merged_into_id = $2 WHERE id = $1', [id, targetId]);
  }

  /** Gives the suggestion the next number of its session; the session row lock serialises concurrent acceptances. */
  async allocateNumber(manager: EntityManager, id: string): Promise<number> {
    const rows = updatedRows<{ number: number }>(
      await manager.query(
        `UPDATE congress_sessions cs SET last_suggestion_number = last_suggestion_number + 1
           FROM suggestions s WHERE s.id = $1 AND cs.id = s.session_id
         RETURNING cs.last_suggestion_number AS number`,
        [id],
      ),
    );
    await manager.query('UPDATE suggestions SET number = $2 WHERE id = $1', [id, rows[0].number]);
    return rows[0].number;
  }

  async replaceProposers(manager: EntityManager, scope: TenantScope, id: string, proposers: Proposer[]): Promise<void> {
    await manager.query('DELETE FROM suggestion_proposers WHERE suggestion_id = $1', [id]);
    if (proposers.length === 0) return;
    await manager.getRepository(SuggestionProposerEntity).insert(
      proposers.map((proposer) => ({
        suggestionId: id,
        deputyId: proposer.deputyId,
        jurisdictionId: scope.jurisdictionId,
        role: proposer.role,
        status: proposer.status,
        viaSuggestionId: proposer.viaSuggestionId,
      })),
    );
  }

  async upsertAssignments(
    manager: EntityManager,
    scope: TenantScope,
    id: string,
    assignments: Assignment[],
    at: Date,
  ): Promise<void> {
    if (assignments.length === 0) return;
    const params: unknown[] = [];
    await manager.query(assignmentsUpsert(scope, id, assignments, at, params), params);
  }

  async endAssignment(manager: EntityManager, id: string, unitId: string, round: number): Promise<void> {
    await manager.query('UPDATE assignments SET active = false WHERE suggestion_id = $1 AND unit_id = $2 AND round = $3', [
      id, unitId, round,
    ]);
  }

  async insertReply(manager: EntityManager, reply: Omit<ReplyEntity, 'id'>): Promise<void> {
    await manager.getRepository(ReplyEntity).insert(reply);
  }

  async insertFeedback(manager: EntityManager, feedback: FeedbackEntity): Promise<void> {
    await manager.getRepository(FeedbackEntity).insert(feedback);
  }

  async titlesAndNumbers(manager: EntityManager, ids: string[]): Promise<Map<string, { title: string; number: number | null }>> {
    const rows: Array<{ id: string; title: string; number: number | null }> = await manager.query(
      'SELECT id, title, number FROM suggestions WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map(({ id, ...row }) => [id, row]));
  }

  async replies(scope: TenantScope, id: string): Promise<ReplyEntity[]> {
    return this.dataSource.getRepository(ReplyEntity).find({
      where: { suggestionId: id, jurisdictionId: scope.jurisdictionId },
      order: { repliedAt: 'ASC' },
    });
  }

  async feedback(scope: TenantScope, id: string): Promise<FeedbackEntity[]> {
    return this.dataSource.getRepository(FeedbackEntity).find({
      where: { suggestionId: id, jurisdictionId: scope.jurisdictionId },
      order: { round: 'ASC', givenAt: 'ASC' },
    });
  }

  async assignments(scope: TenantScope, id: string): Promise<AssignmentEntity[]> {
    return this.dataSource.getRepository(AssignmentEntity).find({
      where: { suggestionId: id, jurisdictionId: scope.jurisdictionId },
      order: { round: 'ASC', role: 'ASC' },
    });
  }

  /** A unit's open work, most urgent first: its active assignments that still owe a reply or an opinion. */
  async unitInbox(scope: TenantScope, unitId: string): Promise<Array<AssignmentEntity & { title: string; number: number | null; state: string }>> {
    return this.dataSource.query(
      `SELECT a.suggestion_id AS "suggestionId", a.unit_id AS "unitId", a.round, a.role, a.acknowledged,
              a.adjustment_requested AS "adjustmentRequested", a.contacts, a.opinion_given AS "opinionGiven",
              a.reply_due_at AS "replyDueAt", a.overdue, a.classification, s.title, s.number, s.state,
              (SELECT min(d.due_at) FROM deadlines d WHERE d.instance_id = s.id AND d.unit_id = a.unit_id AND d.status = 'OPEN') AS "nextDueAt"
         FROM assignments a JOIN suggestions s ON s.id = a.suggestion_id
        WHERE a.jurisdiction_id = $1 AND a.unit_id = $2 AND a.active AND a.round = s.round
          AND s.state IN ('inProgress', 'followUp')
          AND ((a.role <> 'CO' AND a.classification IS NULL) OR (a.role = 'CO' AND NOT a.opinion_given) OR s.state = 'followUp')
        ORDER BY a.overdue DESC, "nextDueAt" ASC NULLS LAST, s.number ASC`,
      [scope.jurisdictionId, unitId],
    );
  }
}

const ASSIGNMENT_COLUMNS = 12;

/** The open deadlines of the suggestion `s`, soonest first, as the event answer lists them. */
const OPEN_DEADLINES_JSON = `COALESCE((SELECT json_agg(json_build_object('id', d.id, 'key', d.key, 'kind', d.kind, 'unitId', d.unit_id, 'dueAt', d.due_at)
                                   ORDER BY d.due_at, d.key)
                            FROM deadlines d WHERE d.instance_id = s.id AND d.jurisdiction_id = s.jurisdiction_id AND d.status = 'OPEN'),
                         '[]'::json)`;

/**
 * One plain INSERT … ON CONFLICT of assignment rows, its values appended to `params`: this runs on every event that
 * touches an assignment, where a query builder's cost shows.
 */
function assignmentsUpsert(scope: TenantScope, id: string, assignments: Assignment[], at: Date, params: unknown[]): string {
  const first = params.length;
  const values = assignments.map((_, row) =>
    `(${Array.from({ length: ASSIGNMENT_COLUMNS }, (_, col) => `$${first + row * ASSIGNMENT_COLUMNS + col + 1}`).join(', ')}, true)`);
  params.push(
    ...assignments.flatMap((assignment) => [
      id, assignment.unitId, assignment.round, scope.jurisdictionId, assignment.role, assignment.acknowledged,
      assignment.adjustmentRequested, assignment.contacts, assignment.opinionGiven, assignment.replyDueAt ?? null,
      assignment.overdue, assignment.classification,
    ]),
    at,
  );
  return `INSERT INTO assignments (suggestion_id, unit_id, round, jurisdiction_id, role, acknowledged, adjustment_requested, contacts,
                                opinion_given, reply_due_at, overdue, classification, active, assigned_at)
       SELECT v.suggestion_id::uuid, v.unit_id::uuid, v.round::int, v.jurisdiction_id::uuid, v.role, v.acknowledged::boolean,
              v.adjustment_requested::boolean, v.contacts::int, v.opinion_given::boolean, v.reply_due_at::timestamptz, v.overdue::boolean,
              v.classification, v.active, $${params.length}::timestamptz
         FROM (VALUES ${values.join(', ')}) AS v(suggestion_id, unit_id, round, jurisdiction_id, role, acknowledged, adjustment_requested,
                                                 contacts, opinion_given, reply_due_at, overdue, classification, active)
       ON CONFLICT (suggestion_id, unit_id, round) DO UPDATE SET
         role = EXCLUDED.role, acknowledged = EXCLUDED.acknowledged, adjustment_requested = EXCLUDED.adjustment_requested,
         contacts = EXCLUDED.contacts, opinion_given = EXCLUDED.opinion_given, reply_due_at = EXCLUDED.reply_due_at,
         overdue = EXCLUDED.overdue, classification = EXCLUDED.classification`;
}
