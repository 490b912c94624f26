import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@app/workflows/common/actor';
import { DeputyEntity } from '../entities/deputy.entity';
import { UserEntity } from '../entities/user.entity';
import type { TenantScope } from './directory.repository';

export interface UserFilter {
  role?: Role;
  active?: boolean;
  search?: string;
  limit: number;
  offset: number;
}

/** Account administration: users active or not, and deputies' active flag. Every method takes the tenant scope. */
@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(scope: TenantScope, filter: UserFilter): Promise<[UserEntity[], number]> {
    const query = this.dataSource.getRepository(UserEntity).createQueryBuilder('u').where('u.jurisdiction_id = :jurisdictionId', scope);
    if (filter.role) query.andWhere(':role = ANY(u.roles)', { role: filter.role });
    if (filter.active !== undefined) query.andWhere('u.active = :active', { active: filter.active });
    if (filter.search) {
      query.andWhere(`(u.username ILIKE :search OR u.display_name ILIKE :search)`, { search: `%${filter.search.replace(/[%_\\]/g, '\\$&')}%` });
    }
    return query.orderBy('u.username', 'ASC').take(filter.limit).skip(filter.offset).getManyAndCount();
  }

  find(scope: TenantScope, id: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOneBy({ id, jurisdictionId: scope.jurisdictionId });
  }

  /** Locks the user row for a change, so two administrators' edits do not interleave. */
  findForUpdate(manager: EntityManager, scope: TenantScope, id: string): Promise<UserEntity | null> {
    return manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('u.id = :id AND u.jurisdiction_id = :jurisdictionId', { id, jurisdictionId: scope.jurisdictionId })
      .getOne();
  }

  async usernameTaken(manager: EntityManager, scope: TenantScope, username: string): Promise<boolean> {
    return (await manager.getRepository(UserEntity).countBy({ jurisdictionId: scope.jurisdictionId, username })) > 0;
  }

  async insert(manager: EntityManager, user: Pick<UserEntity, 'jurisdictionId' | 'username' | 'displayName' | 'roles' | 'deputyId' | 'unitId' | 'passwordHash' | 'passwordChangedAt' | 'mustChangePassword'>): Promise<string> {
    const result = await manager.getRepository(UserEntity).insert(user);
    return (result.identifiers[0] as { id: string }).id;
  }

  async update(manager: EntityManager, scope: TenantScope, id: string, changes: Partial<Pick<UserEntity, 'roles' | 'deputyId' | 'unitId' | 'displayName' | 'active' | 'passwordHash' | 'passwordChangedAt' | 'mustChangePassword'>>): Promise<void> {
    await manager.getRepository(UserEntity).update({ id, jurisdictionId: scope.jurisdictionId }, changes);
  }

  findDeputyForUpdate(manager: EntityManager, scope: TenantScope, id: string): Promise<DeputyEntity | null> {
    return manager
      .getRepository(DeputyEntity)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.id = :id AND d.jurisdiction_id = :jurisdictionId', { id, jurisdictionId: scope.jurisdictionId })
      .getOne();
  }

  async setDeputyActive(manager: EntityManager, scope: TenantScope, id: string, { active, at }: { active: boolean; at: Date }): Promise<void> {
    await manager.getRepository(DeputyEntity).update({ id, jurisdictionId: scope.jurisdictionId }, { active, deactivatedAt: active ? null : at });
  }

  /** Accounts linked to a deputy record (a deputy who leaves can no longer sign in as a deputy). */
  usersOfDeputy(manager: EntityManager, scope: TenantScope, deputyId: string): Promise<UserEntity[]> {
    return manager.getRepository(UserEntity).findBy({ jurisdictionId: scope.jurisdictionId, deputyId });
  }
}
