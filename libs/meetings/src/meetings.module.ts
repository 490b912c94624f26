import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SuggestionsModule } from '@app/suggestions';
import { MEETINGS_ENTITIES } from './entities';
import { CouncilMeetingRepository } from './repositories/council-meeting.repository';
import { KeyItemRepository } from './repositories/key-item.repository';
import { KeyProposalRepository } from './repositories/key-proposal.repository';
import { VoteRepository } from './repositories/vote.repository';
import { AnnouncementService } from './services/announcement.service';
import { BallotService } from './services/ballot.service';
import { CouncilMeetingService } from './services/council-meeting.service';
import { KeySuggestionService } from './services/key-suggestion.service';
import { KeySuggestionVoteSubjectProvider } from './services/key-suggestion-vote-subject.provider';
import { VoteSessionService } from './services/vote-session.service';
import { VoteSessionWorkflowDefinition } from './services/vote-session-workflow.definition';
import { VoteSubjectRegistry } from './services/vote-subject-registry.service';

/**
 * Key suggestions, council hearings and satisfaction votes without HTTP; registers the vote-session workflow,
 * so the worker imports it too. Needs the suggestion workflow, whose events its services send. Other domains put
 * their own subjects to the vote by registering a VoteSubjectProvider with the exported VoteSubjectRegistry.
 */
@Module({
  imports: [TypeOrmModule.forFeature(MEETINGS_ENTITIES), SuggestionsModule],
  providers: [
    KeyProposalRepository, KeyItemRepository, CouncilMeetingRepository, VoteRepository, VoteSessionWorkflowDefinition,
    KeySuggestionService, CouncilMeetingService, VoteSessionService, BallotService, AnnouncementService,
    VoteSubjectRegistry, KeySuggestionVoteSubjectProvider,
  ],
  exports: [KeySuggestionService, CouncilMeetingService, VoteSessionService, BallotService, AnnouncementService, VoteRepository, VoteSubjectRegistry],
})
export class MeetingsModule {}
