import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { updatedRows } from '@app/persistence';
import { KeyProposalEntity, KeyProposalStatus } from '../entities/key-proposal.entity';

export interface TenantScope {
  jurisdictionId: string;
}

/** Key-suggestion proposals; every method takes the tenant scope. */
@Injectable()
export class KeyProposalRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertMany(manager: EntityManager, rows: Array<Omit<KeyProposalEntity, 'id'>>): Promise<string[]> {
    const result = await manager.getRepository(KeyProposalEntity).insert(rows);
    return result.identifiers.map((identifier) => identifier.id as string);
  }

  list(scope: TenantScope, status?: KeyProposalStatus): Promise<KeyProposalEntity[]> {
    return this.dataSource.getRepository(KeyProposalEntity).find({
      where: { jurisdictionId: scope.jurisdictionId, ...(status ? { status } : {}) },
      order: { proposedAt: 'DESC', id: 'ASC' },
    });
  }

  findMany(scope: TenantScope, ids: string[]): Promise<KeyProposalEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(KeyProposalEntity).findBy({ jurisdictionId: scope.jurisdictionId, id: In(ids) });
  }

  /** Suggestions among `ids` that already wait for a decision. */
  async pendingFor(scope: TenantScope, suggestionIds: string[]): Promise<string[]> {
    const rows: Array<{ suggestionId: string }> = await this.dataSource.query(
      `SELECT suggestion_id AS "suggestionId" FROM key_proposals
        WHERE jurisdiction_id = $1 AND status = 'PROPOSED' AND suggestion_id = ANY($2::uuid[])`,
      [scope.jurisdictionId, suggestionIds],
    );
    return rows.map((row) => row.suggestionId);
  }

  /** Decides a proposal still pending; false when another decision got there first. */
  async decide(
    manager: EntityManager,
    scope: TenantScope,
    decision: { id: string; status: KeyProposalStatus; decidedBy: string; decidedAt: Date; reason: string | null },
  ): Promise<boolean> {
    const rows = updatedRows<{ id: string }>(
      await manager.query(
        `UPDATE key_proposals SET status = $3, decided_by = $4, decided_at = $5, decision_reason = $6
          WHERE id = $1 AND jurisdiction_id = $2 AND status = 'PROPOSED' RETURNING id`,
        [decision.id, scope.jurisdictionId, decision.status, decision.decidedBy, decision.decidedAt, decision.reason],
      ),
    );
    return rows.length === 1;
  }
}
