import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { updatedRows } from '@app/persistence';
import { DeadlineEntity, DeadlineStatus } from '../entities/deadline.entity';
import { DeadlineFiringEntity } from '../entities/deadline-firing.entity';

export interface NewDeadline {
  jurisdictionId: string;
  workflow: string;
  instanceId: string;
  key: string;
  kind: string;
  unitId: string | null;
  dueAt: Date;
  reminderOffsetsDays: number[];
  openedAt: Date;
}

export interface FiringTarget extends DeadlineEntity {
  firings: string[];
  machineVersion: number | null;
  snapshot: Record<string, unknown> | null;
}

@Injectable()
export class DeadlineRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async open(manager: EntityManager, rows: NewDeadline[]): Promise<DeadlineEntity[]> {
    if (rows.length === 0) return [];
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(DeadlineEntity)
      .values(rows.map((row) => ({ ...row, status: DeadlineStatus.OPEN, endedAt: null })))
      .returning('*')
      .execute();
    return result.generatedMaps as DeadlineEntity[];
  }

  /** Ends the open rows with these keys; returns their ids so their jobs can be removed. */
  async end(
    manager: EntityManager,
    { instanceId, keys, status, at }: { instanceId: string; keys: string[]; status: DeadlineStatus; at: Date },
  ): Promise<string[]> {
    if (keys.length === 0) return [];
    const rows = updatedRows<{ id: string }>(await manager.query(
      `UPDATE deadlines SET status = $1, ended_at = $2 WHERE instance_id = $3 AND key = ANY($4) AND status = 'OPEN' RETURNING id`,
      [status, at, instanceId, keys],
    ));
    return rows.map((row) => row.id);
  }

  async findById(id: string): Promise<DeadlineEntity | null> {
    return this.dataSource.getRepository(DeadlineEntity).findOneBy({ id });
  }

  async findOpenByInstance(jurisdictionId: string, instanceId: string): Promise<DeadlineEntity[]> {
    return this.dataSource.getRepository(DeadlineEntity).find({
      where: { jurisdictionId, instanceId, status: DeadlineStatus.OPEN },
      order: { dueAt: 'ASC' },
    });
  }

  /** Open deadlines after `afterId` in id order, for the reconciler's paged sweep (all jurisdictions: it is the system). */
  async pageOpen(afterId: string | null, limit: number): Promise<DeadlineEntity[]> {
    return this.dataSource.query(
      `SELECT id, due_at AS "dueAt", reminder_offsets_days AS "reminderOffsetsDays", opened_at AS "openedAt"
         FROM deadlines WHERE status = 'OPEN' AND ($1::uuid IS NULL OR id > $1) ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
  }

  /**
   * The rows, each with the firings already recorded and its instance's persisted snapshot (null when the instance is
   * gone), for a batch of reminder jobs to check and word in one query.
   */
  async findForFiring(ids: string[]): Promise<FiringTarget[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(
      `SELECT d.id, d.jurisdiction_id AS "jurisdictionId", d.workflow, d.instance_id AS "instanceId", d.key, d.kind, d.unit_id AS "unitId",
              d.due_at AS "dueAt", d.reminder_offsets_days AS "reminderOffsetsDays", d.status, d.opened_at AS "openedAt", d.ended_at AS "endedAt",
              ARRAY(SELECT f.firing FROM deadline_firings f WHERE f.deadline_id = d.id) AS firings,
              wi.machine_version AS "machineVersion", wi.snapshot AS "snapshot"
         FROM deadlines d
         LEFT JOIN workflow_instances wi ON wi.id = d.instance_id AND wi.jurisdiction_id = d.jurisdiction_id AND wi.workflow = d.workflow
        WHERE d.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** Open deadlines already due by `now` (their passing not yet acted on), earliest first. */
  async dueOpen(now: Date, limit: number): Promise<Array<{ deadlineId: string; at: Date }>> {
    return this.dataSource.query(
      `SELECT id AS "deadlineId", due_at AS at FROM deadlines WHERE status = 'OPEN' AND due_at <= $1 ORDER BY due_at LIMIT $2`,
      [now, limit],
    );
  }

  /**
   * Reminders of open deadlines whose moment has come by `now` (and fell after the deadline opened) with no firing
   * recorded, earliest first.
   */
  async dueUnfiredReminders(now: Date, limit: number): Promise<Array<{ deadlineId: string; offsetDays: number; at: Date }>> {
    return this.dataSource.query(
      `SELECT d.id AS "deadlineId", o.days AS "offsetDays", d.due_at - o.days * interval '1 day' AS at
         FROM deadlines d CROSS JOIN LATERAL unnest(d.reminder_offsets_days) AS o(days)
        WHERE d.status = 'OPEN'
          AND d.due_at - o.days * interval '1 day' <= $1
          AND d.due_at - o.days * interval '1 day' >= d.opened_at
          AND NOT EXISTS (SELECT 1 FROM deadline_firings f WHERE f.deadline_id = d.id AND f.firing = 'REMIND_' || o.days)
        ORDER BY at LIMIT $2`,
      [now, limit],
    );
  }

  async firings(deadlineId: string): Promise<DeadlineFiringEntity[]> {
    return this.dataSource.getRepository(DeadlineFiringEntity).findBy({ deadlineId });
  }
}
