import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig, JobRunner, PersistenceModule } from '@app/persistence';
import { SuggestionsModule } from '@app/suggestions';
import { DisclosureModule } from '@app/disclosure';
import { MeetingsModule } from '@app/meetings';

/** No HTTP: the job handlers of every domain, and the runner that feeds them from BullMQ. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PersistenceModule.forRoot(config), DiscoveryModule, SuggestionsModule, DisclosureModule, MeetingsModule],
      providers: [JobRunner],
    };
  }
}
