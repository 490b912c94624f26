import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { updatedRows } from '@app/persistence';
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

@Injectable()
export class WorkflowInstanceRepository {
  async find(
    manager: EntityManager,
    scope: { jurisdictionId: string; workflow: string },
    id: string,
  ): Promise<InstanceRow | null> {
    const rows: InstanceRow[] = await manager.query(
      `SELECT id, jurisdiction_id AS "jurisdictionId", workflow, machine_version AS "machineVersion", snapshot, version,
              last_event_hash AS "lastEventHash"
         FROM workflow_instances WHERE id = $1 AND jurisdiction_id = $2 AND workflow = $3`,
      [id, scope.jurisdictionId, scope.workflow],
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
