import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock, JobName, JobOutcome, OnJob } from '@app/persistence';
import { NotificationDeliveryRepository } from '../repositories/notification-delivery.repository';
import { DeliveryPlanner } from '../services/delivery-planner.service';
import { localDateAndHour } from '../utils/local-date-hour.util';

const SWEEP_LIMIT = 5_000;
/** Digests are sent by the calendar people read; profiles all default to this zone. */
const DIGEST_TIME_ZONE = 'Asia/Shanghai';

/**
 * Periodic: re-schedules deliveries whose send job was lost (a wiped Redis, a crash between commit and enqueue),
 * and from DIGEST_HOUR on sends each user's daily digest of what was held back.
 */
@Injectable()
export class SweepNotificationsJob {
  private readonly logger = new Logger(SweepNotificationsJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: NotificationDeliveryRepository,
    private readonly planner: DeliveryPlanner,
    private readonly clock: Clock,
  ) {}

  @OnJob(JobName.SWEEP_NOTIFICATIONS)
  async handle(): Promise<JobOutcome> {
    const report = await this.runOnce();
    if (report.rescheduled + report.digests > 0) this.logger.log({ msg: 'notifications swept', ...report });
    return JobOutcome.DONE;
  }

  async runOnce(): Promise<{ rescheduled: number; digests: number }> {
    // A send job that still exists (waiting, active, retrying) makes this a no-op; only a lost one is re-created.
    const pending = await this.deliveries.unsentIds(SWEEP_LIMIT);
    await this.planner.scheduleSends(pending);
    const digests = await this.sendDueDigests();
    return { rescheduled: pending.length, digests: digests.length };
  }

  private async sendDueDigests(): Promise<string[]> {
    const now = this.clock.now();
    const { localDate, hour } = localDateAndHour(now, DIGEST_TIME_ZONE);
    if (hour < this.config.DIGEST_HOUR) return [];
    const ids: string[] = [];
    for (const held of await this.deliveries.heldDigests(SWEEP_LIMIT)) {
      const id = await this.dataSource.transaction((manager) => this.planner.bundleDigest(manager, held, { localDate, now }));
      if (id) ids.push(id);
    }
    await this.planner.scheduleSends(ids);
    return ids;
  }
}
