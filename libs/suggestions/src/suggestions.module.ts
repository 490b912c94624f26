import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@app/accounts';
import { WorkflowEngineModule } from '@app/workflow-engine';
import { AssignmentEntity } from './entities/assignment.entity';
import { FeedbackEntity } from './entities/feedback.entity';
import { ReplyEntity } from './entities/reply.entity';
import { SuggestionProposerEntity } from './entities/suggestion-proposer.entity';
import { SuggestionEntity } from './entities/suggestion.entity';
import { SuggestionRepository } from './repositories/suggestion.repository';
import { SuggestionViewMapper } from './services/suggestion-view.mapper';
import { SuggestionWorkflowDefinition } from './services/suggestion-workflow.definition';
import { SuggestionService } from './services/suggestion.service';

/** The suggestion domain without HTTP: the worker imports this so the engine can run the workflow. */
@Module({
  imports: [
    TypeOrmModule.forFeature([SuggestionEntity, SuggestionProposerEntity, AssignmentEntity, ReplyEntity, FeedbackEntity]),
    AccountsModule,
    WorkflowEngineModule,
  ],
  providers: [SuggestionRepository, SuggestionWorkflowDefinition, SuggestionService, SuggestionViewMapper],
  exports: [SuggestionService, SuggestionRepository, WorkflowEngineModule, AccountsModule],
})
export class SuggestionsModule {}
