import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, loadConfig } from './config/app-config';
import { APP_CONFIG } from './config/config.tokens';
import { Clock } from './clock/clock';
import { dataSourceOptions } from './data-source.factory';
import { QueueService } from './queue/queue.service';

/** The engine room every app imports once: validated config, PostgreSQL, the queues and the clock. */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(config: AppConfig = loadConfig(process.env)): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(config.DATABASE_URL), autoLoadEntities: true })],
      providers: [{ provide: APP_CONFIG, useValue: config }, Clock, QueueService],
      exports: [APP_CONFIG, Clock, QueueService],
    };
  }
}
