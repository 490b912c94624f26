import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxRecipient } from '../entities/outbox-message.entity';

/** Turns recipient references (a deputy, a unit, the office, a leader) into the active users behind them. */
@Injectable()
export class RecipientRepository {
  async resolveUserIds(manager: EntityManager, jurisdictionId: string, recipients: OutboxRecipient[]): Promise<string[]> {
    const ids = (kind: OutboxRecipient['kind']) => recipients.filter((r) => r.kind === kind && r.id).map((r) => r.id as string);
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM users
        WHERE jurisdiction_id = $1 AND active
          AND (deputy_id = ANY($2::uuid[]) OR unit_id = ANY($3::uuid[]) OR ($4 AND 'OFFICE' = ANY(roles))
               OR id = ANY($5::uuid[]))
        ORDER BY id`,
      [jurisdictionId, ids('DEPUTY'), ids('UNIT'), recipients.some((r) => r.kind === 'OFFICE'), [...ids('LEADER'), ...ids('USER')]],
    );
    return rows.map((row) => row.id);
  }
}
