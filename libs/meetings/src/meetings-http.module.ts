import { Module } from '@nestjs/common';
import { CouncilMeetingController } from './controllers/council-meeting.controller';
import { KeySuggestionController } from './controllers/key-suggestion.controller';
import { PublicAnnouncementController } from './controllers/public-announcement.controller';
import { VoteSessionController } from './controllers/vote-session.controller';
import { MeetingsModule } from './meetings.module';

@Module({
  imports: [MeetingsModule],
  controllers: [KeySuggestionController, CouncilMeetingController, VoteSessionController, PublicAnnouncementController],
})
export class MeetingsHttpModule {}
