import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@app/accounts';
import { MeetingsModule } from '@app/meetings';
import { WorkflowEngineModule } from '@app/workflow-engine';
import { LIVELIHOOD_ENTITIES } from './entities';
import { LivelihoodBallotRepository } from './repositories/livelihood-ballot.repository';
import { LivelihoodProposalRepository } from './repositories/livelihood-proposal.repository';
import { LivelihoodRepository } from './repositories/livelihood.repository';
import { LivelihoodBallotService } from './services/livelihood-ballot.service';
import { LivelihoodProjectVoteSubjectProvider } from './services/livelihood-project-vote-subject.provider';
import { LivelihoodProposalService } from './services/livelihood-proposal.service';
import { LivelihoodPublicService } from './services/livelihood-public.service';
import { LivelihoodVoteWorkflowDefinition } from './services/livelihood-vote-workflow.definition';
import { LivelihoodVoteService } from './services/livelihood-vote.service';

/**
 * Livelihood projects chosen by deputies' vote, without HTTP: registers the livelihood-vote workflow (the worker
 * imports this for its deadlines) and puts chosen projects to the meetings' satisfaction vote as a subject kind.
 */
@Module({
  imports: [TypeOrmModule.forFeature(LIVELIHOOD_ENTITIES), AccountsModule, WorkflowEngineModule, MeetingsModule],
  providers: [
    LivelihoodRepository, LivelihoodBallotRepository, LivelihoodProposalRepository, LivelihoodVoteWorkflowDefinition,
    LivelihoodProjectVoteSubjectProvider, LivelihoodVoteService, LivelihoodBallotService, LivelihoodProposalService, LivelihoodPublicService,
  ],
  exports: [LivelihoodVoteService, LivelihoodBallotService, LivelihoodProposalService, LivelihoodPublicService, LivelihoodRepository],
})
export class LivelihoodProjectsModule {}
