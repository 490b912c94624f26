import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@app/accounts';
import { WorkflowEngineModule } from '@app/workflow-engine';
import { AssignmentEntity } from './entities/assignment.entity';
import { FeedbackEntity } from './entities/feedback.entity';
import { ReplyEntity } from './entities/reply.entity';
import { SuggestionProposerEntity } from './entities/suggestion-proposer.entity';
import { SuggestionEntity } from './entities/suggestion.entity';
import { SuggestionAttachmentEntity } from './entities/suggestion-attachment.entity';
import { AttachmentRepository } from './repositories/attachment.repository';
import { AttachmentStore } from './services/attachment-store.service';
import { AttachmentService } from './services/attachment.service';
import { SuggestionRepository } from './repositories/suggestion.repository';
import { SuggestionViewMapper } from './services/suggestion-view.mapper';
import { SuggestionWorkflowDefinition } from './services/suggestion-workflow.definition';
import { SuggestionService } from './services/suggestion.service';

/** The suggestion domain without HTTP: the worker imports this so the engine can run the workflow. */
@Module({
  imports: [
    TypeOrmModule.forFeature([SuggestionEntity, SuggestionProposerEntity, AssignmentEntity, ReplyEntity, FeedbackEntity, SuggestionAttachmentEntity]),
    AccountsModule,
    WorkflowEngineModule,
  ],
  providers: [SuggestionRepository, SuggestionWorkflowDefinition, SuggestionService, SuggestionViewMapper, AttachmentRepository, AttachmentStore, AttachmentService],
  exports: [SuggestionService, SuggestionRepository, AttachmentService, WorkflowEngineModule, AccountsModule],
})
export class SuggestionsModule {}
