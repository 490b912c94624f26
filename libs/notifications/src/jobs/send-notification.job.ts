import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, JobName, JobOutcome, JobPayloads, OnJob } from '@app/persistence';
import { DeliveryStatus, NotificationDeliveryEntity } from '../entities/notification-delivery.entity';
import { NotificationChannel } from '../entities/notification-preference.entity';
import { NotificationDeliveryRepository } from '../repositories/notification-delivery.repository';
import { MailSender } from '../services/mail-sender.service';
import { SmsGateway } from '../services/sms-gateway.service';

/**
 * Sends one delivery on its channel. The claim (SENDING) is committed before the send and SENT right after, so a job
 * run again (a retry, a redelivery, the sweeper) never sends a SENT delivery twice. The one window left is a send
 * whose outcome was not recorded (the worker died between the provider's answer and the commit): the next attempt
 * finds the row SENDING and sends again under the same key, the Message-ID or outId the provider de-duplicates by.
 * A failure goes back to PENDING for BullMQ's backoff; after NOTIFY_MAX_ATTEMPTS it is recorded FAILED for the
 * office, and nothing else waits on it.
 */
@Injectable()
export class SendNotificationJob {
  private readonly logger = new Logger(SendNotificationJob.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly mail: MailSender,
    private readonly sms: SmsGateway,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.SEND_NOTIFICATION)
  async handle({ deliveryId }: JobPayloads[JobName.SEND_NOTIFICATION]): Promise<JobOutcome> {
    const delivery = await this.deliveries.findById(deliveryId);
    if (!delivery || (delivery.status !== DeliveryStatus.PENDING && delivery.status !== DeliveryStatus.SENDING)) return JobOutcome.SKIPPED;
    const claim = await this.deliveries.claim(delivery.id);
    if (claim === null) return JobOutcome.SKIPPED;
    const { attempt, resumed } = claim;
    if (resumed) this.logger.warn({ msg: 'notification re-sent after a cut-off attempt', deliveryId: delivery.id, channel: delivery.channel, attempt, key: delivery.deliveryKey });
    try {
      const reference = await this.send(delivery);
      await this.deliveries.markSent(delivery.id, this.clock.now());
      this.logger.log({ msg: 'notification sent', deliveryId: delivery.id, channel: delivery.channel, attempt, reference });
      return JobOutcome.DONE;
    } catch (error) {
      return this.recordFailure(delivery, attempt, error as Error);
    }
  }

  private send(delivery: NotificationDeliveryEntity): Promise<string> {
    if (delivery.channel === NotificationChannel.EMAIL) {
      return this.mail.send({ to: delivery.address, subject: delivery.subject, text: delivery.body, deliveryKey: delivery.deliveryKey });
    }
    return this.sms.send({ phone: delivery.address, params: delivery.params, deliveryKey: delivery.deliveryKey });
  }

  private async recordFailure(delivery: NotificationDeliveryEntity, attempt: number, error: Error): Promise<JobOutcome> {
    const reason = error.message.slice(0, 500);
    if (attempt >= this.config.NOTIFY_MAX_ATTEMPTS) {
      await this.deliveries.markFailed(delivery.id, reason, this.clock.now());
      this.logger.warn({ msg: 'notification failed for good', deliveryId: delivery.id, channel: delivery.channel, attempt, error: reason });
      return JobOutcome.DONE;
    }
    await this.deliveries.markRetry(delivery.id, reason);
    // Thrown so BullMQ retries after its exponential backoff.
    throw new Error(`${delivery.channel} delivery ${delivery.id} attempt ${attempt} failed: ${reason}`);
  }
}
