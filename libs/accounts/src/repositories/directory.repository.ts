import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CongressSessionEntity } from '../entities/congress-session.entity';
import { DelegationEntity } from '../entities/delegation.entity';
import { DeputyEntity } from '../entities/deputy.entity';
import { HandlingUnitEntity } from '../entities/handling-unit.entity';
import { JurisdictionEntity } from '../entities/jurisdiction.entity';
import { UserEntity } from '../entities/user.entity';

export interface TenantScope {
  jurisdictionId: string;
}

/** Reference data of one jurisdiction: every method takes the tenant scope. */
@Injectable()
export class DirectoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findJurisdictionByCode(code: string): Promise<JurisdictionEntity | null> {
    return this.dataSource.getRepository(JurisdictionEntity).findOneBy({ code });
  }

  findJurisdiction(id: string): Promise<JurisdictionEntity | null> {
    return this.dataSource.getRepository(JurisdictionEntity).findOneBy({ id });
  }

  allJurisdictions(): Promise<JurisdictionEntity[]> {
    return this.dataSource.getRepository(JurisdictionEntity).find({ order: { code: 'ASC' } });
  }

  findUser(scope: TenantScope, id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id, jurisdictionId: scope.jurisdictionId, active: true });
  }

  findUserByUsername(scope: TenantScope, username: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ username, jurisdictionId: scope.jurisdictionId, active: true });
  }

  /** The one read that loads the password hash (it is never selected otherwise). */
  findUserWithPasswordHash(scope: TenantScope, username: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.jurisdiction_id = :jurisdictionId AND u.username = :username AND u.active', { jurisdictionId: scope.jurisdictionId, username })
      .getOne();
  }

  listUsers(scope: TenantScope): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({ where: { jurisdictionId: scope.jurisdictionId, active: true }, order: { username: 'ASC' } });
  }

  findSession(scope: TenantScope, id: string): Promise<CongressSessionEntity | null> {
    return this.dataSource.getRepository(CongressSessionEntity).findOneBy({ id, jurisdictionId: scope.jurisdictionId });
  }

  listSessions(scope: TenantScope): Promise<CongressSessionEntity[]> {
    return this.dataSource.getRepository(CongressSessionEntity).find({
      where: { jurisdictionId: scope.jurisdictionId },
      order: { term: 'DESC', sessionNumber: 'DESC' },
    });
  }

  listDelegations(scope: TenantScope): Promise<DelegationEntity[]> {
    return this.dataSource.getRepository(DelegationEntity).find({ where: { jurisdictionId: scope.jurisdictionId }, order: { name: 'ASC' } });
  }

  listDeputies(scope: TenantScope): Promise<DeputyEntity[]> {
    return this.dataSource.getRepository(DeputyEntity).find({ where: { jurisdictionId: scope.jurisdictionId }, order: { deputyNumber: 'ASC' } });
  }

  findDeputies(scope: TenantScope, ids: string[]): Promise<DeputyEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(DeputyEntity).findBy({ id: In(ids), jurisdictionId: scope.jurisdictionId });
  }

  listUnits(scope: TenantScope): Promise<HandlingUnitEntity[]> {
    return this.dataSource.getRepository(HandlingUnitEntity).find({ where: { jurisdictionId: scope.jurisdictionId }, order: { code: 'ASC' } });
  }

  findUnits(scope: TenantScope, ids: string[]): Promise<HandlingUnitEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(HandlingUnitEntity).findBy({ id: In(ids), jurisdictionId: scope.jurisdictionId });
  }

  /** Active users holding any of the roles, by name. */
  listUsersWithRoles(scope: TenantScope, roles: string[]): Promise<UserEntity[]> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.jurisdiction_id = :jurisdictionId AND u.active AND u.roles && :roles::text[]', { jurisdictionId: scope.jurisdictionId, roles })
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .getMany();
  }

  findLeaderUsers(scope: TenantScope, ids: string[]): Promise<UserEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(UserEntity).findBy({ id: In(ids), jurisdictionId: scope.jurisdictionId, active: true });
  }
}
