import { Module } from '@nestjs/common';
import { LivelihoodProposalController } from './controllers/livelihood-proposal.controller';
import { LivelihoodVoteController } from './controllers/livelihood-vote.controller';
import { PublicLivelihoodProjectController, PublicLivelihoodProposalController } from './controllers/public-livelihood.controller';
import { LivelihoodProjectsModule } from './livelihood-projects.module';

@Module({
  imports: [LivelihoodProjectsModule],
  controllers: [LivelihoodVoteController, LivelihoodProposalController, PublicLivelihoodProposalController, PublicLivelihoodProjectController],
})
export class LivelihoodProjectsHttpModule {}
