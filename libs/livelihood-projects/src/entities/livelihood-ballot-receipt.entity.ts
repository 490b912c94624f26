import { Entity } from 'typeorm';
import { LivelihoodRoundVoterColumns } from './livelihood-round-voter.entity';

/**
 * Secret ballot, part one: WHO returned a ballot in a round, never what it approved. Without a timestamp, serial
 * or id of its own, so nothing orders or joins it against the tallies (the satisfaction vote's design).
 */
@Entity({ name: 'livelihood_ballot_receipts' })
export class LivelihoodBallotReceiptEntity extends LivelihoodRoundVoterColumns {}
