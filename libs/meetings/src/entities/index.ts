import { AgendaItemEntity } from './agenda-item.entity';
import { CouncilMeetingEntity } from './council-meeting.entity';
import { KeyProposalEntity } from './key-proposal.entity';
import { VoteEntitlementEntity } from './vote-entitlement.entity';
import { VoteItemEntity } from './vote-item.entity';
import { VoteReceiptEntity } from './vote-receipt.entity';
import { VoteSessionEntity } from './vote-session.entity';
import { VoteTallyEntity } from './vote-tally.entity';

export const MEETINGS_ENTITIES = [
  KeyProposalEntity, CouncilMeetingEntity, AgendaItemEntity, VoteSessionEntity, VoteItemEntity, VoteEntitlementEntity,
  VoteReceiptEntity, VoteTallyEntity,
];
