import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Secret ballot, part one: WHO returned a ballot for an item, never what it said. Deliberately without a
 * timestamp, serial or any id of its own, so nothing orders or joins it against the tallies.
 */
@Entity({ name: 'vote_receipts' })
@Index('IDX_VOTE_RECEIPT_VOTER', ['voteSessionId', 'voterUserId'])
export class VoteReceiptEntity {
  @PrimaryColumn({ name: 'vote_item_id', type: 'uuid' })
  voteItemId: string;

  @PrimaryColumn({ name: 'voter_user_id', type: 'uuid' })
  voterUserId: string;

  @Column({ name: 'vote_session_id', type: 'uuid' })
  voteSessionId: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;
}
