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
   * Records that a reminder or passing was acted on. Returns false when someone already did:
   * the primary key makes a redelivered job act once.
   */
  async claimFiring(manager: EntityManager, deadlineId: string, firing: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO deadline_firings (deadline_id, firing, fired_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING deadline_id`,
      [deadlineId, firing, at],
    );
    return rows.length === 1;
  }

  async firings(deadlineId: string): Promise<DeadlineFiringEntity[]> {
    return this.dataSource.getRepository(DeadlineFiringEntity).findBy({ deadlineId });
  }
}
