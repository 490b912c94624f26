import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { NotificationPreferenceEntity } from '../entities/notification-preference.entity';

type Scope = { jurisdictionId: string; userId: string };

@Injectable()
export class NotificationPreferenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(scope: Scope): Promise<NotificationPreferenceEntity | null> {
    return this.dataSource.getRepository(NotificationPreferenceEntity).findOneBy({ jurisdictionId: scope.jurisdictionId, userId: scope.userId });
  }

  async save(scope: Scope, values: Omit<NotificationPreferenceEntity, 'userId' | 'jurisdictionId'>): Promise<NotificationPreferenceEntity> {
    const row = { ...values, userId: scope.userId, jurisdictionId: scope.jurisdictionId };
    await this.dataSource.getRepository(NotificationPreferenceEntity).upsert(row, ['userId']);
    return row;
  }

  /** Preferences of the given users that ask for at least one external channel. */
  async findWithChannels(manager: EntityManager, jurisdictionId: string, userIds: string[]): Promise<NotificationPreferenceEntity[]> {
    if (userIds.length === 0) return [];
    const rows = await manager.getRepository(NotificationPreferenceEntity).findBy({ jurisdictionId, userId: In(userIds) });
    return rows.filter((row) => row.channels.length > 0);
  }
}
