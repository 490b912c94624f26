import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, JobName, QueueService } from '@app/persistence';
import { DeliveryStatus } from '../entities/notification-delivery.entity';
import { NotificationChannel, NotificationPreferenceEntity } from '../entities/notification-preference.entity';
import { OutboxMessageEntity } from '../entities/outbox-message.entity';
import { HeldDigest, NewDelivery, NotificationDeliveryRepository } from '../repositories/notification-delivery.repository';
import { NotificationPreferenceRepository } from '../repositories/notification-preference.repository';
import { messageLink, renderChannelMessage, renderDigest } from '../utils/render-channel-message.util';
import { MailSender } from './mail-sender.service';
import { SmsGateway } from './sms-gateway.service';

/** Retries beyond NOTIFY_MAX_ATTEMPTS that BullMQ may spend on redeliveries after a crash; our own count decides. */
const JOB_ATTEMPT_MARGIN = 2;

/** Turns an outbox message into one delivery row per user and chosen channel, and schedules their sends. */
@Injectable()
export class DeliveryPlanner {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly queues: QueueService,
    private readonly mail: MailSender,
    private readonly sms: SmsGateway,
  ) {}

  /**
   * Runs in the transaction that delivers the in-app notifications of these messages; returns the ids to send now.
   * One preferences query per jurisdiction and one insert, however many messages.
   */
  async plan(manager: EntityManager, planned: Array<{ message: OutboxMessageEntity; userIds: string[] }>, now: Date): Promise<string[]> {
    const chosen = await this.preferencesOf(manager, planned);
    const rows: NewDelivery[] = planned.flatMap(({ message, userIds }) => {
      const preferences = userIds.flatMap((userId) => chosen.get(userId) ?? []);
      if (preferences.length === 0) return [];
      const rendered = renderChannelMessage({ template: message.template, data: message.data, link: messageLink(this.config.PUBLIC_URL, message.data.path) });
      return preferences.flatMap((preference) =>
        this.channelsOf(preference).map(({ channel, address }) => ({
          jurisdictionId: message.jurisdictionId,
          userId: preference.userId,
          channel,
          deliveryKey: `${message.id}_${preference.userId}_${channel}`,
          outboxId: message.id,
          address,
          ...rendered,
          status: preference.digest ? DeliveryStatus.DIGEST : DeliveryStatus.PENDING,
          createdAt: now,
        })),
      );
    });
    const written = await this.deliveries.addMany(manager, rows);
    return written.filter((row) => row.status === DeliveryStatus.PENDING).map((row) => row.id);
  }

  private async preferencesOf(manager: EntityManager, planned: Array<{ message: OutboxMessageEntity; userIds: string[] }>): Promise<Map<string, NotificationPreferenceEntity>> {
    const byJurisdiction = new Map<string, Set<string>>();
    for (const { message, userIds } of planned) {
      const users = byJurisdiction.get(message.jurisdictionId) ?? new Set<string>();
      userIds.forEach((userId) => users.add(userId));
      byJurisdiction.set(message.jurisdictionId, users);
    }
    const chosen = new Map<string, NotificationPreferenceEntity>();
    for (const [jurisdictionId, users] of byJurisdiction) {
      for (const preference of await this.preferences.findWithChannels(manager, jurisdictionId, [...users])) chosen.set(preference.userId, preference);
    }
    return chosen;
  }

  /** Writes today's digest for one user and channel, once per local day (its key), bundling what was held. */
  async bundleDigest(manager: EntityManager, held: HeldDigest, { localDate, now }: { localDate: string; now: Date }): Promise<string | null> {
    const id = randomUUID();
    const written = await this.deliveries.addMany(manager, [
      {
        id, jurisdictionId: held.jurisdictionId, userId: held.userId, channel: held.channel, deliveryKey: `digest_${held.userId}_${held.channel}_${localDate}`,
        outboxId: null, address: held.address, subject: '', body: '', params: {}, status: DeliveryStatus.PENDING, createdAt: now,
      },
    ]);
    if (written.length === 0) return null;
    const items = await this.deliveries.bundle(manager, held, id);
    await this.deliveries.setBody(manager, id, renderDigest({ items, localDate, link: messageLink(this.config.PUBLIC_URL, '/notifications') }));
    return id;
  }

  /** After commit: one send job per delivery, its id derived from the row so scheduling twice is harmless. */
  async scheduleSends(deliveryIds: string[]): Promise<void> {
    await this.queues.enqueueMany(
      deliveryIds.map((deliveryId) => ({
        name: JobName.SEND_NOTIFICATION,
        data: { deliveryId },
        jobId: `delivery_${deliveryId}`,
        attempts: this.config.NOTIFY_MAX_ATTEMPTS + JOB_ATTEMPT_MARGIN,
        backoffMs: this.config.NOTIFY_BACKOFF_MS,
      })),
    );
  }

  /** Only channels that are configured here and for which the user gave an address. */
  private channelsOf(preference: NotificationPreferenceEntity): Array<{ channel: NotificationChannel; address: string }> {
    const out: Array<{ channel: NotificationChannel; address: string }> = [];
    if (preference.channels.includes(NotificationChannel.EMAIL) && preference.email && this.mail.enabled) out.push({ channel: NotificationChannel.EMAIL, address: preference.email });
    if (preference.channels.includes(NotificationChannel.SMS) && preference.phone && this.sms.enabled) out.push({ channel: NotificationChannel.SMS, address: preference.phone });
    return out;
  }
}
