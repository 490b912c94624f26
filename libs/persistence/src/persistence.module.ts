import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, loadConfig } from './config/app-config';
import { APP_CONFIG } from './config/config.tokens';
import { Clock } from './clock/clock';
import { dataSourceOptions } from './data-source.factory';
import { QueueService } from './queue/queue.service';
import { QUEUE_BACKEND, QueueBackendChoice, resolveQueueBackend } from './queue/queue-backend';

const DAY_MS = 86_400_000;

/** The engine room every app imports once: validated config, PostgreSQL, the queues and the clock. */
@Global()
@Module({})
export class PersistenceModule {
  /** `backend` is passed when the caller already resolved it (start script, tests); otherwise it is resolved here. */
  static forRoot(config: AppConfig = loadConfig(process.env), backend?: QueueBackendChoice): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(config.DATABASE_URL), autoLoadEntities: true })],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: QUEUE_BACKEND, useFactory: () => backend ?? resolveQueueBackend(config) },
        { provide: Clock, useFactory: () => new Clock(config.CLOCK_OFFSET_DAYS * DAY_MS) },
        QueueService,
      ],
      exports: [APP_CONFIG, QUEUE_BACKEND, Clock, QueueService],
    };
  }
}
