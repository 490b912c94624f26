import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { updatedRows } from '@app/persistence';
import { OutboxMessageEntity, OutboxRecipient } from '../entities/outbox-message.entity';

export interface NewOutboxMessage {
  jurisdictionId: string;
  instanceId: string | null;
  template: string;
  recipients: OutboxRecipient[];
  data: Record<string, unknown>;
  dedupeKey: string;
  createdAt: Date;
}

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts messages; a dedupe key seen before is skipped. Returns the ids written. */
  async add(manager: EntityManager, messages: NewOutboxMessage[]): Promise<string[]> {
    if (messages.length === 0) return [];
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMessageEntity)
      .values(messages as QueryDeepPartialEntity<OutboxMessageEntity>[])
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as Array<{ id: string }>).map((row) => row.id);
  }

  async findById(id: string): Promise<OutboxMessageEntity | null> {
    return this.dataSource.getRepository(OutboxMessageEntity).findOneBy({ id });
  }

  /** Claims a pending message; false when another delivery got there first. */
  async markDelivered(manager: EntityManager, id: string, at: Date): Promise<boolean> {
    const result = updatedRows(await manager.query(
      `UPDATE outbox_messages SET status = 'DELIVERED', delivered_at = $2 WHERE id = $1 AND status = 'PENDING' RETURNING id`,
      [id, at],
    ));
    return result.length === 1;
  }

  /** The instance's open deadlines, earliest due per kind, that a message states ("答复截止：…"). */
  async openDueDates(manager: EntityManager, instanceId: string | null): Promise<Record<string, string>> {
    if (!instanceId) return {};
    const rows: Array<{ kind: string; dueAt: Date }> = await manager.query(
      `SELECT kind, min(due_at) AS "dueAt" FROM deadlines WHERE instance_id = $1 AND status = 'OPEN' GROUP BY kind`,
      [instanceId],
    );
    return Object.fromEntries(rows.map((row) => [row.kind, new Date(row.dueAt).toISOString()]));
  }

  async pendingIds(limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM outbox_messages WHERE status = 'PENDING' ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }
}
