import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@app/workflows/common/actor';

@Entity({ name: 'users' })
@Index('UQ_USER_USERNAME', ['jurisdictionId', 'username'], { unique: true })
@Index('IDX_USER_UNIT_ID', ['unitId'])
@Index('IDX_USER_DEPUTY_ID', ['deputyId'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ name: 'deputy_id', type: 'uuid', nullable: true })
  deputyId: string | null;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
