import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { preparedRows, updatedRows } from '@app/persistence';
import { WorkflowInstanceEntity } from '../entities/workflow-instance.entity';
import { AuditEventEntity } from '../entities/audit-event.entity';

export interface InstanceRow {
  id: string;
  jurisdictionId: string;
  workflow: string;
  machineVersion: number;
  snapshot: Record<string, unknown>;
  version: number;
  lastEventHash: string;
}

/**
 * A domain's read check, evaluated by the query that loads an instance (one round trip, not two): `condition`
 * appends its values to `params` and returns SQL over the instance row `wi`; `notFound` is what to throw otherwise.
 */
export interface InstanceVisibility {
  condition(params: unknown[]): string;
  notFound(): Error;
}

@Injectable()
export class WorkflowInstanceRepository {
  async find(
    manager: EntityManager,
    scope: { jurisdictionId: string; workflow: string },
    id: string,
    visibleIf?: InstanceVisibility,
  ): Promise<(InstanceRow & { visible?: boolean }) | null> {
    const params: unknown[] = [id, scope.jurisdictionId, scope.workflow];
    const visible = visibleIf ? `, (${visibleIf.condition(params)}) AS visible` : '';
    const rows = await preparedRows<InstanceRow & { visible?: boolean }>(
      manager,
      `SELECT wi.id, wi.jurisdiction_id AS "jurisdictionId", wi.workflow, wi.machine_version AS "machineVersion", wi.snapshot, wi.version,
              wi.last_event_hash AS "lastEventHash"${visible}
         FROM workflow_instances wi WHERE wi.id = $1 AND wi.jurisdiction_id = $2 AND wi.workflow = $3`,
      params,
    );
    return rows[0] ?? null;
  }

  async findMany(
    manager: EntityManager,
    scope: { jurisdictionId: string; workflow: string },
    ids: string[],
  ): Promise<InstanceRow[]> {
    return manager.query(
      `SELECT id, jurisdiction_id AS "jurisdictionId", workflow, machine_version AS "machineVersion", snapshot, version,
              last_event_hash AS "lastEventHash"
         FROM workflow_instances WHERE id = ANY($1::uuid[]) AND jurisdiction_id = $2 AND workflow = $3`,
      [ids, scope.jurisdictionId, scope.workflow],
    );
  }

  /**
   * An instance's persisted snapshot, locked until the caller's transaction ends. A ballot takes it FOR SHARE (ballots
   * run side by side); closing the vote takes it FOR UPDATE, so it waits for ballots in flight and later ones see it closed.
   */
  async lockSnapshot(
    manager: EntityManager,
    scope: { jurisdictionId: string; workflow: string },
    id: string,
    mode: 'SHARE' | 'UPDATE',
  ): Promise<{ value: unknown; context: Record<string, unknown> } | null> {
    const rows: Array<{ snapshot: { value: unknown; context: Record<string, unknown> } }> = await manager.query(
      `SELECT snapshot FROM workflow_instances WHERE id = $1 AND jurisdiction_id = $2 AND workflow = $3 FOR ${mode === 'SHARE' ? 'SHARE' : 'UPDATE'}`,
      [id, scope.jurisdictionId, scope.workflow],
    );
    return rows[0]?.snapshot ?? null;
  }

  async insert(manager: EntityManager, row: InstanceRow & { at: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO workflow_instances (id, jurisdiction_id, workflow, machine_version, snapshot, version, last_event_hash, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
      [row.id, row.jurisdictionId, row.workflow, row.machineVersion, row.snapshot, row.version, row.lastEventHash, row.at],
    );
  }

  /** Compare-and-swap: writes only if nobody changed the row since `expectedVersion` was read. */
  async compareAndSwap(
    manager: EntityManager,
    change: { id: string; expectedVersion: number; snapshot: Record<string, unknown>; lastEventHash: string; at: Date },
  ): Promise<boolean> {
    const rows = updatedRows(await manager.query(
      `UPDATE workflow_instances SET snapshot = $1, version = version + 1, last_event_hash = $2, updated_at = $3
        WHERE id = $4 AND version = $5 RETURNING id`,
      [change.snapshot, change.lastEventHash, change.at, change.id, change.expectedVersion],
    ));
    return rows.length === 1;
  }

  /**
   * Compare-and-swap and the audit entry of the new version in one statement: one round trip per event instead of
   * two, and still nothing written when the version moved on (the entry is inserted only from the swapped row).
   */
  async compareAndSwapWithAudit(
    manager: EntityManager,
    change: { id: string; expectedVersion: number; snapshot: Record<string, unknown>; lastEventHash: string; at: Date },
    event: Omit<AuditEventEntity, 'id' | 'instanceId' | 'hash' | 'at'>,
  ): Promise<boolean> {
    const rows = await preparedRows(
      manager,
      `WITH swapped AS (
         UPDATE workflow_instances SET snapshot = $1, version = version + 1, last_event_hash = $2, updated_at = $3
          WHERE id = $4 AND version = $5 RETURNING id)
       INSERT INTO audit_events (jurisdiction_id, workflow, instance_id, seq, actor_user_id, actor_roles, event_type,
                                 from_state, to_state, payload, reason, at, prev_hash, hash)
       SELECT $6::uuid, $7::text, swapped.id, $8::int, $9::text, $10::text[], $11::text, $12::text, $13::text, $14::jsonb, $15::text,
              $3::timestamptz, $16::text, $2::text
         FROM swapped RETURNING seq`,
      [
        change.snapshot, change.lastEventHash, change.at, change.id, change.expectedVersion,
        event.jurisdictionId, event.workflow, event.seq, event.actorUserId, event.actorRoles, event.eventType, event.fromState,
        event.toState, JSON.stringify(event.payload), event.reason, event.prevHash,
      ],
    );
    return rows.length === 1;
  }

  async appendAudit(manager: EntityManager, event: Omit<AuditEventEntity, 'id'>): Promise<void> {
    await manager.query(
      `INSERT INTO audit_events (jurisdiction_id, workflow, instance_id, seq, actor_user_id, actor_roles, event_type,
                                 from_state, to_state, payload, reason, at, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        event.jurisdictionId, event.workflow, event.instanceId, event.seq, event.actorUserId, event.actorRoles,
        event.eventType, event.fromState, event.toState, event.payload, event.reason, event.at, event.prevHash, event.hash,
      ],
    );
  }

  async history(manager: EntityManager, scope: { jurisdictionId: string }, instanceId: string): Promise<AuditEventEntity[]> {
    return manager.getRepository(AuditEventEntity).find({
      where: { jurisdictionId: scope.jurisdictionId, instanceId },
      order: { seq: 'ASC' },
    });
  }
}
