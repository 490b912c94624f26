import { Entity } from 'typeorm';
import { LivelihoodRoundVoterColumns } from './livelihood-round-voter.entity';

/** Who may vote in a round, fixed when it opens: every deputy of the jurisdiction with an account. */
@Entity({ name: 'livelihood_ballot_entitlements' })
export class LivelihoodBallotEntitlementEntity extends LivelihoodRoundVoterColumns {}
