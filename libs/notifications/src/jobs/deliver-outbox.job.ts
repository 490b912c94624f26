import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, JobName, JobOutcome, JobPayloads, OnJob } from '@app/persistence';
import { OutboxStatus } from '../entities/outbox-message.entity';
import { notificationPath, renderTemplate } from '../utils/render-template.util';
import { NotificationRepository } from '../repositories/notification.repository';
import { OutboxRepository } from '../repositories/outbox.repository';
import { RecipientRepository } from '../repositories/recipient.repository';
import { DeliveryPlanner } from '../services/delivery-planner.service';

/**
 * Delivers one outbox message into the recipients' in-app inboxes, once, however often the job runs; in the same
 * transaction it records one delivery per chosen e-mail/SMS channel, whose sends are scheduled after commit.
 */
@Injectable()
export class DeliverOutboxJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly notifications: NotificationRepository,
    private readonly recipients: RecipientRepository,
    private readonly clock: Clock,
    private readonly planner: DeliveryPlanner,
  ) {}

  @OnJob(JobName.DELIVER_OUTBOX)
  async handle({ outboxId }: JobPayloads[JobName.DELIVER_OUTBOX]): Promise<JobOutcome> {
    const message = await this.outbox.findById(outboxId);
    if (!message || message.status !== OutboxStatus.PENDING) return JobOutcome.SKIPPED;
    const sends = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      if (!(await this.outbox.markDelivered(manager, message.id, now))) return null;
      const userIds = await this.recipients.resolveUserIds(manager, message.jurisdictionId, message.recipients);
      // What is due and when, and where the message leads, as they stand when it goes out.
      const data = { ...message.data, dueDates: await this.outbox.openDueDates(manager, message.instanceId), path: notificationPath(message.data) };
      const { title, body } = renderTemplate(message.template, data);
      await this.notifications.addMany(
        manager,
        userIds.map((userId) => ({
          jurisdictionId: message.jurisdictionId,
          userId,
          outboxId: message.id,
          template: message.template,
          title,
          body,
          instanceId: message.instanceId,
          data,
          createdAt: now,
        })),
      );
      return this.planner.plan(manager, { ...message, data }, userIds, now);
    });
    if (sends === null) return JobOutcome.SKIPPED;
    // Lost if the process dies right here: the sweeper re-schedules pending deliveries.
    await this.planner.scheduleSends(sends);
    return JobOutcome.DONE;
  }
}
