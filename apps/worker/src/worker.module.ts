import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig, JobRunner, PersistenceModule, QueueBackendChoice } from '@app/persistence';
import { SuggestionsModule } from '@app/suggestions';
import { DisclosureModule } from '@app/disclosure';
import { MeetingsModule } from '@app/meetings';
import { ReviewOpinionsModule } from '@app/review-opinions';
import { LivelihoodProjectsModule } from '@app/livelihood-projects';

/** No HTTP: the job handlers of every domain, and the runner that feeds them from BullMQ. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, backend?: QueueBackendChoice): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PersistenceModule.forRoot(config, backend), DiscoveryModule, SuggestionsModule, DisclosureModule, MeetingsModule, ReviewOpinionsModule, LivelihoodProjectsModule],
      providers: [JobRunner],
    };
  }
}
