import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationEntity } from './entities/notification.entity';
import { NotificationDeliveryEntity } from './entities/notification-delivery.entity';
import { NotificationPreferenceEntity } from './entities/notification-preference.entity';
import { OutboxMessageEntity } from './entities/outbox-message.entity';
import { DeliverOutboxJob } from './jobs/deliver-outbox.job';
import { SendNotificationJob } from './jobs/send-notification.job';
import { SweepNotificationsJob } from './jobs/sweep-notifications.job';
import { NotificationDeliveryRepository } from './repositories/notification-delivery.repository';
import { NotificationPreferenceRepository } from './repositories/notification-preference.repository';
import { NotificationRepository } from './repositories/notification.repository';
import { OutboxRepository } from './repositories/outbox.repository';
import { RecipientRepository } from './repositories/recipient.repository';
import { DeliveryPlanner } from './services/delivery-planner.service';
import { MailSender } from './services/mail-sender.service';
import { NotificationPreferenceService } from './services/notification-preference.service';
import { SmsGateway } from './services/sms-gateway.service';

@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessageEntity, NotificationEntity, NotificationPreferenceEntity, NotificationDeliveryEntity])],
  providers: [
    OutboxRepository, NotificationRepository, RecipientRepository, NotificationPreferenceRepository, NotificationDeliveryRepository,
    MailSender, SmsGateway, DeliveryPlanner, NotificationPreferenceService, DeliverOutboxJob, SendNotificationJob, SweepNotificationsJob,
  ],
  exports: [
    OutboxRepository, NotificationRepository, RecipientRepository, NotificationPreferenceRepository, NotificationDeliveryRepository,
    MailSender, SmsGateway, NotificationPreferenceService, DeliverOutboxJob, SendNotificationJob, SweepNotificationsJob,
  ],
})
export class NotificationsModule {}
