import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity, GENESIS_HASH } from '@app/workflow-engine';
import { ACCOUNTS_WORKFLOW } from '../constants/account-event.constant';
import type { TenantScope } from './directory.repository';

export interface ChainHead {
  seq: number;
  hash: string;
}

/** The account audit chain of each jurisdiction: rows in audit_events with workflow 'accounts', no instance. */
@Injectable()
export class AccountAuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Locks the jurisdiction's chain head (creating it at genesis) until the transaction ends. */
  async lockHead(manager: EntityManager, scope: TenantScope): Promise<ChainHead> {
    await manager.query(
      `INSERT INTO audit_chain_heads (jurisdiction_id, workflow, seq, hash) VALUES ($1, $2, 0, $3) ON CONFLICT DO NOTHING`,
      [scope.jurisdictionId, ACCOUNTS_WORKFLOW, GENESIS_HASH],
    );
    const rows: ChainHead[] = await manager.query(
      'SELECT seq, hash FROM audit_chain_heads WHERE jurisdiction_id = $1 AND workflow = $2 FOR UPDATE',
      [scope.jurisdictionId, ACCOUNTS_WORKFLOW],
    );
    return rows[0];
  }

  async append(manager: EntityManager, event: Omit<AuditEventEntity, 'id'>): Promise<void> {
    await manager.getRepository(AuditEventEntity).insert(event as never);
    await manager.query('UPDATE audit_chain_heads SET seq = $3, hash = $4 WHERE jurisdiction_id = $1 AND workflow = $2', [
      event.jurisdictionId, ACCOUNTS_WORKFLOW, event.seq, event.hash,
    ]);
  }

  list(scope: TenantScope, filter: { eventType?: string; subjectUserId?: string; limit: number; offset: number }): Promise<[AuditEventEntity[], number]> {
    const query = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('a')
      .where('a.jurisdiction_id = :jurisdictionId AND a.workflow = :workflow AND a.instance_id IS NULL', {
        jurisdictionId: scope.jurisdictionId,
        workflow: ACCOUNTS_WORKFLOW,
      });
    if (filter.eventType) query.andWhere('a.event_type = :eventType', { eventType: filter.eventType });
    if (filter.subjectUserId) query.andWhere(`a.payload ->> 'userId' = :subject`, { subject: filter.subjectUserId });
    return query.orderBy('a.seq', 'DESC').take(filter.limit).skip(filter.offset).getManyAndCount();
  }

  /** The whole chain in order, to verify it. */
  chain(scope: TenantScope): Promise<AuditEventEntity[]> {
    return this.dataSource.getRepository(AuditEventEntity).find({
      where: { jurisdictionId: scope.jurisdictionId, workflow: ACCOUNTS_WORKFLOW },
      order: { seq: 'ASC' },
    });
  }
}
