import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlineEntity } from './entities/deadline.entity';
import { DeadlineFiringEntity } from './entities/deadline-firing.entity';
import { DeadlineRepository } from './repositories/deadline.repository';
import { DeadlineScheduler } from './services/deadline-scheduler.service';

@Module({
  imports: [TypeOrmModule.forFeature([DeadlineEntity, DeadlineFiringEntity])],
  providers: [DeadlineRepository, DeadlineScheduler],
  exports: [DeadlineRepository, DeadlineScheduler],
})
export class DeadlinesModule {}
