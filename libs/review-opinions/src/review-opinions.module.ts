import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@app/accounts';
import { MeetingsModule } from '@app/meetings';
import { WorkflowEngineModule } from '@app/workflow-engine';
import { REVIEW_OPINION_ENTITIES } from './entities';
import { ReviewOpinionRepository } from './repositories/review-opinion.repository';
import { ReviewOpinionListWorkflowDefinition } from './services/review-opinion-list-workflow.definition';
import { PublicReviewOpinionService } from './services/public-review-opinion.service';
import { ReviewOpinionService } from './services/review-opinion.service';
import { ReviewOpinionVoteSubjectProvider } from './services/review-opinion-vote-subject.provider';

/**
 * Review-opinion lists without HTTP: the worker imports this so the engine can run the workflow's deadlines.
 * Registers the lists as subjects of the standing committee's satisfaction vote (libs/meetings never imports this).
 */
@Module({
  imports: [TypeOrmModule.forFeature(REVIEW_OPINION_ENTITIES), AccountsModule, WorkflowEngineModule, MeetingsModule],
  providers: [ReviewOpinionRepository, ReviewOpinionListWorkflowDefinition, ReviewOpinionService, ReviewOpinionVoteSubjectProvider, PublicReviewOpinionService],
  exports: [ReviewOpinionService, ReviewOpinionRepository, PublicReviewOpinionService],
})
export class ReviewOpinionsModule {}
