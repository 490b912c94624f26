import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@app/accounts';
import { WorkflowEngineModule } from '@app/workflow-engine';
import { REVIEW_OPINION_ENTITIES } from './entities';
import { ReviewOpinionRepository } from './repositories/review-opinion.repository';
import { ReviewOpinionListWorkflowDefinition } from './services/review-opinion-list-workflow.definition';
import { ReviewOpinionService } from './services/review-opinion.service';

/** Review-opinion lists without HTTP: the worker imports this so the engine can run the workflow's deadlines. */
@Module({
  imports: [TypeOrmModule.forFeature(REVIEW_OPINION_ENTITIES), AccountsModule, WorkflowEngineModule],
  providers: [ReviewOpinionRepository, ReviewOpinionListWorkflowDefinition, ReviewOpinionService],
  exports: [ReviewOpinionService, ReviewOpinionRepository],
})
export class ReviewOpinionsModule {}
