import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One run of one workflow (a suggestion, a vote session …): the persisted machine snapshot under compare-and-swap. */
@Entity({ name: 'workflow_instances' })
@Index('IDX_WORKFLOW_INSTANCE_JURISDICTION', ['jurisdictionId', 'workflow'])
export class WorkflowInstanceEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ type: 'text' })
  workflow: string;

  /** The machine version that created this instance; it is always run on that version. */
  @Column({ name: 'machine_version', type: 'int' })
  machineVersion: number;

  @Column({ type: 'jsonb' })
  snapshot: Record<string, unknown>;

  /** Incremented by every applied event; the compare-and-swap key. */
  @Column({ type: 'int' })
  version: number;

  /** Hash of the last audit event, the link the next one chains to. */
  @Column({ name: 'last_event_hash', type: 'text' })
  lastEventHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
