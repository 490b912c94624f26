import { LivelihoodBallotEntitlementEntity } from './livelihood-ballot-entitlement.entity';
import { LivelihoodBallotReceiptEntity } from './livelihood-ballot-receipt.entity';
import { LivelihoodBallotTallyEntity } from './livelihood-ballot-tally.entity';
import { LivelihoodCandidateEntity } from './livelihood-candidate.entity';
import { LivelihoodCommitteeReportEntity } from './livelihood-committee-report.entity';
import { LivelihoodProgressReportEntity } from './livelihood-progress-report.entity';
import { LivelihoodProposalEntity } from './livelihood-proposal.entity';
import { LivelihoodVoteEntity } from './livelihood-vote.entity';

export {
  LivelihoodBallotEntitlementEntity, LivelihoodBallotReceiptEntity, LivelihoodBallotTallyEntity, LivelihoodCandidateEntity,
  LivelihoodCommitteeReportEntity, LivelihoodProgressReportEntity, LivelihoodProposalEntity, LivelihoodVoteEntity,
};

export const LIVELIHOOD_ENTITIES = [
  LivelihoodVoteEntity, LivelihoodCandidateEntity, LivelihoodProposalEntity, LivelihoodProgressReportEntity, LivelihoodCommitteeReportEntity,
  LivelihoodBallotEntitlementEntity, LivelihoodBallotReceiptEntity, LivelihoodBallotTallyEntity,
];
