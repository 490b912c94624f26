import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A congress that receives suggestions (a county, city, province, the NPC): the tenant. */
@Entity({ name: 'jurisdictions' })
@Index('UQ_JURISDICTION_CODE', ['code'], { unique: true })
export class JurisdictionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** Overrides of the default profile; the resolved profile is validated at start-up. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  profile: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
