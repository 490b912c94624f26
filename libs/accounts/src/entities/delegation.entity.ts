import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'delegations' })
@Index('UQ_DELEGATION_NAME', ['jurisdictionId', 'name'], { unique: true })
export class DelegationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ type: 'text' })
  name: string;
}
