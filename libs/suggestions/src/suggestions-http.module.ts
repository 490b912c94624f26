import { Module } from '@nestjs/common';
import { InboxController } from './controllers/inbox.controller';
import { NotificationPreferenceController } from './controllers/notification-preference.controller';
import { SuggestionController } from './controllers/suggestion.controller';
import { SuggestionsModule } from './suggestions.module';

@Module({ imports: [SuggestionsModule], controllers: [SuggestionController, InboxController, NotificationPreferenceController] })
export class SuggestionsHttpModule {}
