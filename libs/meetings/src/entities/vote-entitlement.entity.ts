import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who may vote in a session, fixed when it opens: the members present and any invited deputies. */
@Entity({ name: 'vote_entitlements' })
export class VoteEntitlementEntity {
  @PrimaryColumn({ name: 'vote_session_id', type: 'uuid' })
  voteSessionId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  /** MEMBER or DEPUTY. */
  @Column({ type: 'text' })
  kind: string;
}
