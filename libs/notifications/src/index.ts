export * from './entities/outbox-message.entity';
export * from './entities/notification.entity';
export * from './repositories/outbox.repository';
export * from './repositories/notification.repository';
export * from './repositories/recipient.repository';
export * from './jobs/deliver-outbox.job';
export * from './constants/notification-templates.constant';
export * from './notifications.module';
