import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { NotificationEntity } from '../entities/notification.entity';

@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async addMany(manager: EntityManager, rows: Array<Omit<NotificationEntity, 'id' | 'readAt'>>): Promise<void> {
    if (rows.length === 0) return;
    await manager.createQueryBuilder().insert().into(NotificationEntity).values(rows as QueryDeepPartialEntity<NotificationEntity>[]).orIgnore().execute();
  }

  async listForUser(
    scope: { jurisdictionId: string; userId: string },
    { unreadOnly, limit, offset }: { unreadOnly: boolean; limit: number; offset: number },
  ): Promise<[NotificationEntity[], number]> {
    return this.dataSource.getRepository(NotificationEntity).findAndCount({
      where: { jurisdictionId: scope.jurisdictionId, userId: scope.userId, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  async markRead(scope: { jurisdictionId: string; userId: string }, id: string, at: Date): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(NotificationEntity)
      .update({ id, jurisdictionId: scope.jurisdictionId, userId: scope.userId }, { readAt: at });
    return (result.affected ?? 0) === 1;
  }
}
