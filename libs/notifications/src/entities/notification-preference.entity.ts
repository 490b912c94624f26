import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum NotificationChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
}

/** A user's choice of channels beyond the in-app inbox (always on), and whether they get one digest a day instead. */
@Entity({ name: 'notification_preferences' })
@Index('IDX_NOTIFICATION_PREFERENCE_JURISDICTION', ['jurisdictionId'])
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  channels: NotificationChannel[];

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'boolean', default: false })
  digest: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
