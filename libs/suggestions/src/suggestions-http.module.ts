import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, AppConfig } from '@app/persistence';
import { AttachmentController } from './controllers/attachment.controller';
import { InboxController } from './controllers/inbox.controller';
import { NotificationPreferenceController } from './controllers/notification-preference.controller';
import { SuggestionController } from './controllers/suggestion.controller';
import { AttachmentTooLargeInterceptor } from './decorators/attachment-upload.decorator';
import { SuggestionsModule } from './suggestions.module';

@Module({
  imports: [
    SuggestionsModule,
    // Attachment uploads: held in memory up to the configured size (checked, hashed, then stored), names in UTF-8.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.ATTACHMENT_MAX_MB * 1024 * 1024, files: 1 }, defParamCharset: 'utf8' }),
    }),
  ],
  controllers: [SuggestionController, AttachmentController, InboxController, NotificationPreferenceController],
  providers: [AttachmentTooLargeInterceptor],
})
export class SuggestionsHttpModule {}
