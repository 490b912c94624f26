import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Secret ballot, part two: WHAT was approved in a round, as counters per candidate (no voter, no time, no row per
 * ballot), spread over TALLY_SHARDS masked shards whose sum is the candidate's approvals (tally-shard.util.ts in
 * meetings says why that keeps the secret). Read by nobody while the round is open; summed into the CLOSE event
 * and deleted when it closes.
 */
@Entity({ name: 'livelihood_ballot_tallies' })
export class LivelihoodBallotTallyEntity {
  @PrimaryColumn({ name: 'vote_id', type: 'uuid' })
  voteId: string;

  @PrimaryColumn({ type: 'int' })
  round: number;

  @PrimaryColumn({ name: 'candidate_id', type: 'uuid' })
  candidateId: string;

  /** Drawn at random per ballot, never from the voter. */
  @PrimaryColumn({ type: 'int' })
  shard: number;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ type: 'int', default: 0 })
  approvals: number;
}
