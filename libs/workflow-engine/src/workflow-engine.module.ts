import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesModule } from '@app/deadlines';
import { NotificationsModule } from '@app/notifications';
import { AuditEventEntity } from './entities/audit-event.entity';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { WorkflowInstanceEntity } from './entities/workflow-instance.entity';
import { DeadlineDueJob } from './jobs/deadline-due.job';
import { DeadlineRemindJob } from './jobs/deadline-remind.job';
import { ReconcileJob } from './jobs/reconcile.job';
import { WorkflowInstanceRepository } from './repositories/workflow-instance.repository';
import { WorkflowEngine } from './services/workflow-engine.service';
import { WorkflowRegistry } from './services/workflow-registry.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([WorkflowInstanceEntity, AuditEventEntity, IdempotencyKeyEntity]),
    DeadlinesModule,
    NotificationsModule,
  ],
  providers: [WorkflowRegistry, WorkflowInstanceRepository, WorkflowEngine, DeadlineDueJob, DeadlineRemindJob, ReconcileJob],
  exports: [WorkflowRegistry, WorkflowInstanceRepository, WorkflowEngine, DeadlineDueJob, DeadlineRemindJob, ReconcileJob, DeadlinesModule, NotificationsModule],
})
export class WorkflowEngineModule {}
