export * from './entities/deadline.entity';
export * from './entities/deadline-firing.entity';
export * from './repositories/deadline.repository';
export * from './services/deadline-scheduler.service';
export * from './utils/deadline-job-id.util';
export * from './deadlines.module';
