import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { TenantScope } from './directory.repository';

export interface DeputyRow {
  name: string;
  deputyNumber: string;
  delegationId: string;
  phone: string | null;
  employer: string | null;
}

export interface UnitRow {
  name: string;
  code: string;
  kind: string;
  contact: string | null;
}

const CHUNK = 500;

/** Roster upserts, keyed by deputy number and unit code within the jurisdiction; returns how many rows were new. */
@Injectable()
export class RosterRepository {
  async upsertDeputies(manager: EntityManager, scope: TenantScope, rows: DeputyRow[]): Promise<{ created: number; updated: number }> {
    return this.inChunks(rows, async (chunk) => {
      const params: unknown[] = [scope.jurisdictionId];
      const values = chunk.map((row) => {
        params.push(row.delegationId, row.name, row.deputyNumber, row.phone, row.employer);
        const n = params.length;
        return `($1, $${n - 4}::uuid, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
      });
      return manager.query(
        `INSERT INTO deputies (jurisdiction_id, delegation_id, name, deputy_number, phone, employer) VALUES ${values.join(', ')}
         ON CONFLICT (jurisdiction_id, deputy_number) DO UPDATE
           SET delegation_id = EXCLUDED.delegation_id, name = EXCLUDED.name, phone = EXCLUDED.phone, employer = EXCLUDED.employer
         RETURNING (xmax = 0) AS inserted`,
        params,
      );
    });
  }

  async upsertUnits(manager: EntityManager, scope: TenantScope, rows: UnitRow[]): Promise<{ created: number; updated: number }> {
    return this.inChunks(rows, async (chunk) => {
      const params: unknown[] = [scope.jurisdictionId];
      const values = chunk.map((row) => {
        params.push(row.name, row.code, row.kind, row.contact);
        const n = params.length;
        return `($1, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
      });
      return manager.query(
        `INSERT INTO handling_units (jurisdiction_id, name, code, kind, contact) VALUES ${values.join(', ')}
         ON CONFLICT (jurisdiction_id, code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, contact = EXCLUDED.contact
         RETURNING (xmax = 0) AS inserted`,
        params,
      );
    });
  }

  /** Existing deputy numbers and unit codes, to tell the dry run what would be new. */
  async existingKeys(manager: EntityManager, scope: TenantScope, kind: 'deputies' | 'units'): Promise<Set<string>> {
    const rows: Array<{ key: string }> =
      kind === 'deputies'
        ? await manager.query('SELECT deputy_number AS key FROM deputies WHERE jurisdiction_id = $1', [scope.jurisdictionId])
        : await manager.query('SELECT code AS key FROM handling_units WHERE jurisdiction_id = $1', [scope.jurisdictionId]);
    return new Set(rows.map((row) => row.key));
  }

  private async inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<Array<{ inserted: boolean }>>): Promise<{ created: number; updated: number }> {
    let created = 0;
    for (let start = 0; start < rows.length; start += CHUNK) {
      const result = await write(rows.slice(start, start + CHUNK));
      created += result.filter((row) => row.inserted).length;
    }
    return { created, updated: rows.length - created };
  }
}
