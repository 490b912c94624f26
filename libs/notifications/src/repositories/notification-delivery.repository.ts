import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { updatedRows } from '@app/persistence';
import { DeliveryStatus, NotificationDeliveryEntity } from '../entities/notification-delivery.entity';
import { NotificationChannel } from '../entities/notification-preference.entity';

export type NewDelivery = Omit<NotificationDeliveryEntity, 'id' | 'attempts' | 'lastError' | 'sentAt' | 'failedAt' | 'digestId'> & { id?: string };

export interface HeldDigest {
  jurisdictionId: string;
  userId: string;
  channel: NotificationChannel;
  address: string;
}

@Injectable()
export class NotificationDeliveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts deliveries; a key seen before is skipped (the exactly-once record). Returns the rows written. */
  async addMany(manager: EntityManager, rows: NewDelivery[]): Promise<Array<{ id: string; status: DeliveryStatus }>> {
    if (rows.length === 0) return [];
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationDeliveryEntity)
      .values(rows as QueryDeepPartialEntity<NotificationDeliveryEntity>[])
      .orIgnore()
      .returning(['id', 'status'])
      .execute();
    return result.raw as Array<{ id: string; status: DeliveryStatus }>;
  }

  async findById(id: string): Promise<NotificationDeliveryEntity | null> {
    return this.dataSource.getRepository(NotificationDeliveryEntity).findOneBy({ id });
  }

  /**
   * Claims a delivery for one send attempt; committed before the send. A row already SENDING is an attempt cut off
   * after its claim and before its outcome was recorded (its worker died, or its job was released at shutdown): the
   * provider may or may not have the message, so it is sent again under the same key (Message-ID, outId) for the
   * provider to drop as a repeat. Returns the attempt number and whether it resumes a cut-off attempt, or null.
   */
  async claim(id: string): Promise<{ attempt: number; resumed: boolean } | null> {
    const rows = updatedRows<{ attempts: number; previous: DeliveryStatus }>(
      await this.dataSource.query(
        `UPDATE notification_deliveries d SET status = 'SENDING', attempts = d.attempts + 1
           FROM (SELECT id, status FROM notification_deliveries WHERE id = $1 FOR UPDATE) previous
          WHERE d.id = previous.id AND previous.status IN ('PENDING', 'SENDING')
          RETURNING d.attempts, previous.status AS previous`,
        [id],
      ),
    );
    return rows.length === 1 ? { attempt: rows[0].attempts, resumed: rows[0].previous === DeliveryStatus.SENDING } : null;
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE notification_deliveries SET status = 'SENT', sent_at = $2, last_error = NULL WHERE id = $1 AND status = 'SENDING'`, [id, at]);
  }

  async markRetry(id: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE notification_deliveries SET status = 'PENDING', last_error = $2 WHERE id = $1 AND status = 'SENDING'`, [id, error]);
  }

  async markFailed(id: string, error: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE notification_deliveries SET status = 'FAILED', last_error = $2, failed_at = $3 WHERE id = $1 AND status = 'SENDING'`, [id, error, at]);
  }

  /** Deliveries not yet sent nor given up: waiting for a send, or claimed by an attempt that was cut off. */
  async unsentIds(limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM notification_deliveries WHERE status IN ('PENDING', 'SENDING') ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  /** Every (user, channel) with messages held for a digest. */
  async heldDigests(limit: number): Promise<HeldDigest[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (user_id, channel) jurisdiction_id AS "jurisdictionId", user_id AS "userId", channel, address
         FROM notification_deliveries WHERE status = 'DIGEST' ORDER BY user_id, channel, created_at DESC LIMIT $1`,
      [limit],
    );
  }

  /** Moves the held messages into the digest row, in the transaction that wrote it; returns their subjects in order. */
  async bundle(manager: EntityManager, held: HeldDigest, digestId: string): Promise<Array<{ subject: string }>> {
    const rows = updatedRows<{ subject: string; created_at: Date }>(
      await manager.query(
        `UPDATE notification_deliveries SET status = 'BUNDLED', digest_id = $3
          WHERE user_id = $1 AND channel = $2 AND status = 'DIGEST' RETURNING subject, created_at`,
        [held.userId, held.channel, digestId],
      ),
    );
    return rows.sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime()).map(({ subject }) => ({ subject }));
  }

  async setBody(manager: EntityManager, id: string, message: { subject: string; body: string; params: Record<string, string> }): Promise<void> {
    await manager.query(`UPDATE notification_deliveries SET subject = $2, body = $3, params = $4 WHERE id = $1`, [id, message.subject, message.body, message.params]);
  }

  async list(
    scope: { jurisdictionId: string },
    { status, limit, offset }: { status?: DeliveryStatus; limit: number; offset: number },
  ): Promise<[NotificationDeliveryEntity[], number]> {
    return this.dataSource.getRepository(NotificationDeliveryEntity).findAndCount({
      where: { jurisdictionId: scope.jurisdictionId, ...(status ? { status } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }
}
