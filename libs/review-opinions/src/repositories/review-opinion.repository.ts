import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { ReviewItem } from '@app/workflows/review-opinion-list';
import { ReviewOpinionItemEntity } from '../entities/review-opinion-item.entity';
import { ReviewOpinionListEntity } from '../entities/review-opinion-list.entity';

interface TenantScope {
  jurisdictionId: string;
}

export interface ListProjection {
  state: string;
  assignedAt: string | null;
  reportDueAt: string | null;
  reportSubmittedAt: string | null;
  reportOverdue: boolean;
  concludedAt: string | null;
}

export interface ReviewFigureRow {
  unitId: string;
  unitName: string;
  items: number;
  closed: number;
  closedOnTime: number;
  itemsSentBack: number;
  sendBacks: number;
  overdue: number;
}

const asDate = (value: string | null) => (value ? new Date(value) : null);

/** Rows of review-opinion lists and their items; every write runs inside the engine's transaction. */
@Injectable()
export class ReviewOpinionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertList(manager: EntityManager, list: ReviewOpinionListEntity, items: Array<{ id: string; content: string; unitId: string }>): Promise<void> {
    await manager.getRepository(ReviewOpinionListEntity).insert(list);
    await manager.getRepository(ReviewOpinionItemEntity).insert(
      items.map((item, index) => ({
        id: item.id, jurisdictionId: list.jurisdictionId, listId: list.id, position: index + 1, content: item.content,
        unitId: item.unitId, status: 'ASSIGNED',
      })),
    );
  }

  findList(scope: TenantScope, id: string): Promise<ReviewOpinionListEntity | null> {
    return this.dataSource.getRepository(ReviewOpinionListEntity).findOneBy({ jurisdictionId: scope.jurisdictionId, id });
  }

  items(scope: TenantScope, listIds: string[]): Promise<ReviewOpinionItemEntity[]> {
    if (listIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ReviewOpinionItemEntity).find({
      where: { jurisdictionId: scope.jurisdictionId, listId: In(listIds) },
      order: { listId: 'ASC', position: 'ASC' },
    });
  }

  /** Every list of the jurisdiction, or only those a unit has an item on or reports for. */
  async visibleLists(scope: TenantScope, unitId: string | null): Promise<ReviewOpinionListEntity[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT l.id FROM review_opinion_lists l
        WHERE l.jurisdiction_id = $1
          AND ($2::uuid IS NULL OR l.reporting_unit_id = $2
               OR EXISTS (SELECT 1 FROM review_opinion_items i WHERE i.list_id = l.id AND i.unit_id = $2))
        ORDER BY l.created_at DESC, l.id`,
      [scope.jurisdictionId, unitId],
    );
    const lists = await this.dataSource.getRepository(ReviewOpinionListEntity).findBy({ id: In(rows.map((r) => r.id)) });
    return rows.map((row) => lists.find((list) => list.id === row.id) as ReviewOpinionListEntity);
  }

  /** The lists among `ids` of the jurisdiction, as the vote session sees them; read in `manager`'s transaction. */
  voteFacts(scope: TenantScope, ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Array<{ id: string; title: string; state: string }>> {
    return manager.query('SELECT id, title, state FROM review_opinion_lists WHERE jurisdiction_id = $1 AND id = ANY($2::uuid[])', [scope.jurisdictionId, ids]);
  }

  listsInStates(scope: TenantScope, states: string[]): Promise<ReviewOpinionListEntity[]> {
    return this.dataSource.getRepository(ReviewOpinionListEntity).find({
      where: { jurisdictionId: scope.jurisdictionId, state: In(states) },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  async unitNames(scope: TenantScope): Promise<Map<string, string>> {
    const rows: Array<{ id: string; name: string }> = await this.dataSource.query('SELECT id, name FROM handling_units WHERE jurisdiction_id = $1', [scope.jurisdictionId]);
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  async projectList(manager: EntityManager, id: string, projection: ListProjection): Promise<void> {
    await manager.getRepository(ReviewOpinionListEntity).update(id, {
      state: projection.state,
      assignedAt: asDate(projection.assignedAt),
      reportDueAt: asDate(projection.reportDueAt),
      reportSubmittedAt: asDate(projection.reportSubmittedAt),
      reportOverdue: projection.reportOverdue,
      concludedAt: asDate(projection.concludedAt),
    });
  }

  /** Writes the items the event changed, from the machine's context (which holds all their workflow fields). */
  async projectItems(manager: EntityManager, items: ReviewItem[]): Promise<void> {
    for (const item of items) {
      await manager.getRepository(ReviewOpinionItemEntity).update(item.id, {
        status: item.status,
        firstDueAt: asDate(item.firstDueAt),
        dueAt: asDate(item.dueAt),
        reportCount: item.reportCount,
        sentBackCount: item.sentBackCount,
        overdue: item.overdue,
        closedAt: asDate(item.closedAt),
        closedOnTime: item.closedOnTime,
      });
    }
  }

  async storeItemReport(manager: EntityManager, itemId: string, text: string, at: string): Promise<void> {
    await manager.getRepository(ReviewOpinionItemEntity).update(itemId, { lastReport: text, lastReportedAt: new Date(at) });
  }

  async storeSendBack(manager: EntityManager, itemId: string, reason: string): Promise<void> {
    await manager.getRepository(ReviewOpinionItemEntity).update(itemId, { lastSendBackReason: reason });
  }

  async storeListReport(manager: EntityManager, listId: string, text: string): Promise<void> {
    await manager.getRepository(ReviewOpinionListEntity).update(listId, { reportText: text });
  }


  /** Per unit, the items of lists assigned in [from, to): closed, closed by the first deadline, sent back, overdue. */
  figures(scope: TenantScope, from: Date, to: Date): Promise<ReviewFigureRow[]> {
    return this.dataSource.query(
      `SELECT i.unit_id AS "unitId", u.name AS "unitName",
              count(*)::int AS items,
              count(*) FILTER (WHERE i.status = 'CLOSED')::int AS closed,
              count(*) FILTER (WHERE i.closed_on_time)::int AS "closedOnTime",
              count(*) FILTER (WHERE i.sent_back_count > 0)::int AS "itemsSentBack",
              coalesce(sum(i.sent_back_count), 0)::int AS "sendBacks",
              count(*) FILTER (WHERE i.overdue)::int AS overdue
         FROM review_opinion_items i
         JOIN review_opinion_lists l ON l.id = i.list_id
         JOIN handling_units u ON u.id = i.unit_id
        WHERE i.jurisdiction_id = $1 AND l.assigned_at >= $2 AND l.assigned_at < $3 AND l.state <> 'cancelled'
        GROUP BY i.unit_id, u.name
        ORDER BY u.name`,
      [scope.jurisdictionId, from, to],
    );
  }
}
