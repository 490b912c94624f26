import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { updatedRows } from '@app/persistence';
import { RedactionMarkEntity } from '../entities/redaction-mark.entity';
import type { TenantScope } from './disclosure-source.repository';

/** The office's marks on passages to hide; each takes the tenant scope. */
@Injectable()
export class RedactionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listActive(scope: TenantScope, suggestionId: string): Promise<RedactionMarkEntity[]> {
    return this.dataSource.query(
      `SELECT id, jurisdiction_id AS "jurisdictionId", suggestion_id AS "suggestionId", passage, reason, created_by AS "createdBy",
              created_at AS "createdAt", removed_by AS "removedBy", removed_at AS "removedAt"
         FROM disclosure_redactions WHERE jurisdiction_id = $1 AND suggestion_id = $2 AND removed_at IS NULL ORDER BY created_at, id`,
      [scope.jurisdictionId, suggestionId],
    );
  }

  async insert(manager: EntityManager, mark: Omit<RedactionMarkEntity, 'id' | 'removedBy' | 'removedAt'>): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO disclosure_redactions (jurisdiction_id, suggestion_id, passage, reason, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [mark.jurisdictionId, mark.suggestionId, mark.passage, mark.reason, mark.createdBy, mark.createdAt],
    );
    return rows[0].id;
  }

  /** Ends a mark; true when it was active (a second removal changes nothing). */
  async remove(manager: EntityManager, scope: TenantScope, params: { suggestionId: string; id: string; by: string; at: Date }): Promise<boolean> {
    const rows = updatedRows<{ id: string }>(
      await manager.query(
        `UPDATE disclosure_redactions SET removed_by = $4, removed_at = $5
          WHERE jurisdiction_id = $1 AND suggestion_id = $2 AND id = $3 AND removed_at IS NULL RETURNING id`,
        [scope.jurisdictionId, params.suggestionId, params.id, params.by, params.at],
      ),
    );
    return rows.length === 1;
  }
}
