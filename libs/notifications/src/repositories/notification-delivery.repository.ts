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
   * Claims a delivery for one send attempt. A row already SENDING is one whose job died mid-send (BullMQ hands a job
   * to one worker at a time): it is taken again and re-sent under the same key. Returns the attempt number, or null.
   */
  async claim(id: string): Promise<number | null> {
    const rows = updatedRows<{ attempts: number }>(
      await this.dataSource.query(
        `UPDATE notification_deliveries SET status = 'SENDING', attempts = attempts + 1
          WHERE id = $1 AND status IN ('PENDING', 'SENDING') RETURNING attempts`,
        [id],
      ),
    );
    return rows.length === 1 ? rows[0].attempts : null;
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

  async pendingIds(limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM notification_deliveries WHERE status = 'PENDING' ORDER BY created_at LIMIT $1`,
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
