import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationEntity } from './entities/notification.entity';
import { OutboxMessageEntity } from './entities/outbox-message.entity';
import { DeliverOutboxJob } from './jobs/deliver-outbox.job';
import { NotificationRepository } from './repositories/notification.repository';
import { OutboxRepository } from './repositories/outbox.repository';
import { RecipientRepository } from './repositories/recipient.repository';

@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessageEntity, NotificationEntity])],
  providers: [OutboxRepository, NotificationRepository, RecipientRepository, DeliverOutboxJob],
  exports: [OutboxRepository, NotificationRepository, RecipientRepository, DeliverOutboxJob],
})
export class NotificationsModule {}
