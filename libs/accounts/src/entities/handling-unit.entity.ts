import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 承办单位: a department, court, procuratorate … that handles suggestions. */
@Entity({ name: 'handling_units' })
@Index('UQ_HANDLING_UNIT_CODE', ['jurisdictionId', 'code'], { unique: true })
export class HandlingUnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text', nullable: true })
  contact: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
