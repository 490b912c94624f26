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

  /**
   * In one statement (so one round trip, and atomic without a transaction of its own): records each deadline firing
   * while its deadline is still open and not yet fired, and writes the message of each firing it recorded. Returns the
   * ids of the messages written, by dedupe key. Rows go in key order, so two batches sharing firings wait for each other instead of deadlocking.
   */
  async addForFirings(manager: EntityManager, firings: Array<{ deadlineId: string; firing: string; message: NewOutboxMessage }>, at: Date): Promise<Map<string, string>> {
    if (firings.length === 0) return new Map();
    const input = firings.map(({ deadlineId, firing, message }) => ({
      deadline_id: deadlineId, firing, jurisdiction_id: message.jurisdictionId, instance_id: message.instanceId, template: message.template,
      recipients: message.recipients, data: message.data, dedupe_key: message.dedupeKey, created_at: message.createdAt,
    }));
    const rows: Array<{ id: string; dedupeKey: string }> = await manager.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(deadline_id uuid, firing text, jurisdiction_id uuid, instance_id uuid, template text,
                                                         recipients jsonb, data jsonb, dedupe_key text, created_at timestamptz)),
       claimed AS (
         INSERT INTO deadline_firings (deadline_id, firing, fired_at)
         SELECT i.deadline_id, i.firing, $2 FROM input i JOIN deadlines d ON d.id = i.deadline_id AND d.status = 'OPEN'
          ORDER BY i.deadline_id, i.firing
         ON CONFLICT DO NOTHING RETURNING deadline_id, firing)
       INSERT INTO outbox_messages (jurisdiction_id, instance_id, template, recipients, data, dedupe_key, created_at)
       SELECT i.jurisdiction_id, i.instance_id, i.template, i.recipients, i.data, i.dedupe_key, i.created_at
         FROM input i JOIN claimed c ON c.deadline_id = i.deadline_id AND c.firing = i.firing
        ORDER BY i.dedupe_key
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, dedupe_key AS "dedupeKey"`,
      [JSON.stringify(input), at],
    );
    return new Map(rows.map((row) => [row.dedupeKey, row.id]));
  }

  /**
   * Claims the pending ones among these messages and returns them; those another delivery got first are left out.
   * Rows are locked in id order, so two batches sharing messages wait for each other instead of deadlocking.
   */
  async claimPending(manager: EntityManager, ids: string[], at: Date): Promise<OutboxMessageEntity[]> {
    if (ids.length === 0) return [];
    return updatedRows<OutboxMessageEntity>(await manager.query(
      `WITH locked AS (SELECT id FROM outbox_messages WHERE id = ANY($1::uuid[]) AND status = 'PENDING' ORDER BY id FOR UPDATE)
       UPDATE outbox_messages m SET status = 'DELIVERED', delivered_at = $2 FROM locked WHERE m.id = locked.id AND m.status = 'PENDING'
       RETURNING m.id, m.jurisdiction_id AS "jurisdictionId", m.instance_id AS "instanceId", m.template, m.recipients, m.data,
                 m.dedupe_key AS "dedupeKey", m.status, m.created_at AS "createdAt", m.delivered_at AS "deliveredAt"`,
      [ids, at],
    ));
  }

  /** Each instance's open deadlines, earliest due per kind, that a message states ("答复截止：…"). */
  async openDueDates(manager: EntityManager, instanceIds: string[]): Promise<Map<string, Record<string, string>>> {
    const dueDates = new Map<string, Record<string, string>>();
    if (instanceIds.length === 0) return dueDates;
    const rows: Array<{ instanceId: string; kind: string; dueAt: Date }> = await manager.query(
      `SELECT instance_id AS "instanceId", kind, min(due_at) AS "dueAt" FROM deadlines
        WHERE instance_id = ANY($1::uuid[]) AND status = 'OPEN' GROUP BY instance_id, kind`,
      [instanceIds],
    );
    for (const row of rows) dueDates.set(row.instanceId, { ...dueDates.get(row.instanceId), [row.kind]: new Date(row.dueAt).toISOString() });
    return dueDates;
  }

  /** Pending messages, oldest first; with `createdBefore`, only those written before it. */
  async pendingIds(limit: number, createdBefore?: Date): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM outbox_messages WHERE status = 'PENDING' AND ($2::timestamptz IS NULL OR created_at < $2) ORDER BY created_at LIMIT $1`,
      [limit, createdBefore ?? null],
    );
    return rows.map((row) => row.id);
  }
}
