import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, JobName, JobOutcome, JobPayloads, MicroBatcher, OnJob } from '@app/persistence';
import { OutboxMessageEntity } from '../entities/outbox-message.entity';
import { notificationPath, renderTemplate } from '../utils/render-template.util';
import { NotificationRepository } from '../repositories/notification.repository';
import { OutboxRepository } from '../repositories/outbox.repository';
import { RecipientRepository } from '../repositories/recipient.repository';
import { DeliveryPlanner } from '../services/delivery-planner.service';

/** Up to this many messages share one transaction; two transactions overlap, so the database is never left idle. */
const BATCH = { maxBatch: 64, maxInFlight: 2 };

/**
 * Delivers one outbox message into the recipients' in-app inboxes, once, however often the job runs; in the same
 * transaction it records one delivery per chosen e-mail/SMS channel, whose sends are scheduled after commit.
 * Jobs running side by side (the deliveries of a reminder storm) go in batches: one claim, one recipients query, one
 * insert of notifications and one of deliveries for all of them.
 */
@Injectable()
export class DeliverOutboxJob {
  private readonly batcher = new MicroBatcher<string, JobOutcome>((outboxIds) => this.deliverMany(outboxIds), BATCH);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxRepository,
    private readonly notifications: NotificationRepository,
    private readonly recipients: RecipientRepository,
    private readonly clock: Clock,
    private readonly planner: DeliveryPlanner,
  ) {}

  @OnJob(JobName.DELIVER_OUTBOX)
  handle({ outboxId }: JobPayloads[JobName.DELIVER_OUTBOX]): Promise<JobOutcome> {
    return this.batcher.submit(outboxId);
  }

  private async deliverMany(outboxIds: string[]): Promise<JobOutcome[]> {
    const { delivered, sends } = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const messages = await this.outbox.claimPending(manager, [...new Set(outboxIds)], now);
      return { delivered: new Set(messages.map((m) => m.id)), sends: await this.deliverClaimed(manager, messages, now) };
    });
    // Lost if the process dies right here: the sweeper re-schedules pending deliveries.
    await this.planner.scheduleSends(sends);
    // A job delivered twice in one batch: the first acted.
    return outboxIds.map((outboxId) => (delivered.delete(outboxId) ? JobOutcome.DONE : JobOutcome.SKIPPED));
  }

  /** Inbox rows for every recipient, and the e-mail/SMS deliveries; returns the ids to send now. */
  private async deliverClaimed(manager: EntityManager, claimed: OutboxMessageEntity[], now: Date): Promise<string[]> {
    if (claimed.length === 0) return [];
    const userIds = await this.recipients.resolveUserIds(manager, claimed);
    // What is due and when, and where the message leads, as they stand when it goes out.
    const dueDates = await this.outbox.openDueDates(manager, [...new Set(claimed.flatMap((m) => (m.instanceId ? [m.instanceId] : [])))]);
    const planned = claimed.map((message, index) => ({
      message: { ...message, data: { ...message.data, dueDates: (message.instanceId && dueDates.get(message.instanceId)) || {}, path: notificationPath(message.data) } },
      userIds: userIds[index],
    }));
    await this.notifications.addMany(
      manager,
      planned.flatMap(({ message, userIds: users }) => {
        const { title, body } = renderTemplate(message.template, message.data);
        return users.map((userId) => ({
          jurisdictionId: message.jurisdictionId,
          userId,
          outboxId: message.id,
          template: message.template,
          title,
          body,
          instanceId: message.instanceId,
          data: message.data,
          createdAt: now,
        }));
      }),
    );
    return this.planner.plan(manager, planned, now);
  }
}
