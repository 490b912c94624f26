import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'deputies' })
@Index('UQ_DEPUTY_NUMBER', ['jurisdictionId', 'deputyNumber'], { unique: true })
@Index('IDX_DEPUTY_DELEGATION_ID', ['delegationId'])
export class DeputyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ name: 'delegation_id', type: 'uuid' })
  delegationId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'deputy_number', type: 'text' })
  deputyNumber: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  employer: string | null;

  /** Deputies leave during a term; their history stays. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;
}
