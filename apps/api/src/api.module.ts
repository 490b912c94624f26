import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AccountsHttpModule, AccountsModule, AuthGuard } from '@app/accounts';
import { AppConfig, PersistenceModule, QueueBackendChoice } from '@app/persistence';
import { SuggestionsHttpModule } from '@app/suggestions';
import { DisclosureHttpModule } from '@app/disclosure';
import { ReportsHttpModule } from '@app/reports';
import { MeetingsHttpModule } from '@app/meetings';
import { ReviewOpinionsHttpModule } from '@app/review-opinions';
import { LivelihoodProjectsHttpModule } from '@app/livelihood-projects';
import { DomainExceptionFilter } from './domain-exception.filter';
import { HealthController } from './health.controller';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, backend?: QueueBackendChoice): DynamicModule {
    return {
      module: ApiModule,
      imports: [PersistenceModule.forRoot(config, backend), AccountsModule, AccountsHttpModule, SuggestionsHttpModule, DisclosureHttpModule, ReportsHttpModule, MeetingsHttpModule, ReviewOpinionsHttpModule, LivelihoodProjectsHttpModule],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_FILTER, useClass: DomainExceptionFilter },
      ],
    };
  }
}
