import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Secret ballot, part two: WHAT was approved in a round, as one counter per candidate (no voter, no time, no row
 * per ballot). Read by nobody while the round is open; taken into the CLOSE event and deleted when it closes.
 */
@Entity({ name: 'livelihood_ballot_tallies' })
export class LivelihoodBallotTallyEntity {
  @PrimaryColumn({ name: 'vote_id', type: 'uuid' })
  voteId: string;

  @PrimaryColumn({ type: 'int' })
  round: number;

  @PrimaryColumn({ name: 'candidate_id', type: 'uuid' })
  candidateId: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;

  @Column({ type: 'int', default: 0 })
  approvals: number;
}
