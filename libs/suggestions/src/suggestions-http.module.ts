import { Module } from '@nestjs/common';
import { InboxController } from './controllers/inbox.controller';
import { SuggestionController } from './controllers/suggestion.controller';
import { SuggestionsModule } from './suggestions.module';

@Module({ imports: [SuggestionsModule], controllers: [SuggestionController, InboxController] })
export class SuggestionsHttpModule {}
