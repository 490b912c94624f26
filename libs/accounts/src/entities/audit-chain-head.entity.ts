import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The last link of a jurisdiction's account audit chain. Account events (sign-ins, role changes, resets, imports)
 * belong to no workflow instance, so they chain per jurisdiction; locking this row serialises the chain
 * without scanning audit_events for its tail.
 */
@Entity({ name: 'audit_chain_heads' })
export class AuditChainHeadEntity {
  @PrimaryColumn({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @PrimaryColumn({ type: 'text' })
  workflow: string;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'text' })
  hash: string;
}
