import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Secret ballot, part two: WHAT was voted on an item, as counters only (no voter, no time, no row per ballot),
 * spread over TALLY_SHARDS masked shards whose sum is the item's count (tally-shard.util.ts says why that keeps
 * the secret). Read by nobody while the session is open; summed into vote_items and deleted when it closes.
 */
@Entity({ name: 'vote_tallies' })
export class VoteTallyEntity {
  @PrimaryColumn({ name: 'vote_item_id', type: 'uuid' })
  voteItemId: string;

  /** Drawn at random per ballot, never from the voter. */
  @PrimaryColumn({ type: 'int' })
  shard: number;

  @Column({ name: 'vote_session_id', type: 'uuid' })
  voteSessionId: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ type: 'int', default: 0 })
  satisfied: number;

  @Column({ name: 'basically_satisfied', type: 'int', default: 0 })
  basicallySatisfied: number;

  @Column({ type: 'int', default: 0 })
  unsatisfied: number;
}
