import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxRecipient } from '../entities/outbox-message.entity';

/** Turns recipient references (a deputy, a unit, the office, a leader) into the active users behind them. */
@Injectable()
export class RecipientRepository {
  /** For each message, in order, the active users its recipients stand for, in one query. */
  async resolveUserIds(manager: EntityManager, messages: Array<{ jurisdictionId: string; recipients: OutboxRecipient[] }>): Promise<string[][]> {
    if (messages.length === 0) return [];
    const refs = messages.map(({ jurisdictionId, recipients }, idx) => {
      const ids = (kind: OutboxRecipient['kind']) => recipients.filter((r) => r.kind === kind && r.id).map((r) => r.id as string);
      return { idx, jurisdiction_id: jurisdictionId, deputies: ids('DEPUTY'), units: ids('UNIT'), office: recipients.some((r) => r.kind === 'OFFICE'), users: [...ids('LEADER'), ...ids('USER')] };
    });
    const rows: Array<{ idx: number; id: string }> = await manager.query(
      `SELECT r.idx, u.id
         FROM jsonb_to_recordset($1::jsonb) AS r(idx int, jurisdiction_id uuid, deputies uuid[], units uuid[], office boolean, users uuid[])
         JOIN users u ON u.jurisdiction_id = r.jurisdiction_id AND u.active
          AND (u.deputy_id = ANY(r.deputies) OR u.unit_id = ANY(r.units) OR (r.office AND 'OFFICE' = ANY(u.roles)) OR u.id = ANY(r.users))
        ORDER BY r.idx, u.id`,
      [JSON.stringify(refs)],
    );
    const userIds = messages.map((): string[] => []);
    for (const row of rows) userIds[row.idx].push(row.id);
    return userIds;
  }
}
