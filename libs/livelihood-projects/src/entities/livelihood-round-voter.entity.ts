import { Column, PrimaryColumn } from 'typeorm';

/** The columns of a row about one deputy in one round of a vote, and nothing else: no time, serial or id of its own. */
export abstract class LivelihoodRoundVoterColumns {
  @PrimaryColumn({ name: 'vote_id', type: 'uuid' })
  voteId: string;

  @PrimaryColumn({ type: 'int' })
  round: number;

  @PrimaryColumn({ name: 'voter_user_id', type: 'uuid' })
  voterUserId: string;

  @Column({ name: 'jurisdiction_id', type: 'uuid' })
  jurisdictionId: string;
}
