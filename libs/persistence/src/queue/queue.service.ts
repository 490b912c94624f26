import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import IORedis from 'ioredis';
import { APP_CONFIG } from '../config/config.tokens';
import type { AppConfig } from '../config/app-config';
import { JOB_QUEUES, JobName, JobPayloads, QueueName } from './queue.constants';

const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: 1000,
  removeOnFail: false,
};

export interface EnqueueRequest<N extends JobName> {
  name: N;
  data: JobPayloads[N];
  /** Deterministic id built with `_`/`-` (BullMQ 6 rejects `:`): enqueueing twice is harmless. */
  jobId: string;
  delayMs?: number;
}

/** The only place that talks to BullMQ queues; services enqueue through it and never import bullmq. */
@Injectable()
export class QueueService implements OnModuleDestroy {
  private readonly queues = new Map<QueueName, Queue>();
  readonly connection: IORedis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.connection = new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false });
  }

  get prefix(): string {
    return this.config.QUEUE_PREFIX;
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async enqueue<N extends JobName>(request: EnqueueRequest<N>): Promise<void> {
    await this.queue(JOB_QUEUES[request.name]).add(request.name, request.data, {
      jobId: request.jobId,
      delay: Math.max(0, request.delayMs ?? 0),
    });
  }

  async enqueueMany(requests: EnqueueRequest<JobName>[]): Promise<void> {
    // add() rather than addBulk(): only add() de-duplicates by jobId in BullMQ 6.
    const chunkSize = 500;
    for (let start = 0; start < requests.length; start += chunkSize) {
      await Promise.all(requests.slice(start, start + chunkSize).map((request) => this.enqueue(request)));
    }
  }

  async remove(name: JobName, jobId: string): Promise<void> {
    await this.queue(JOB_QUEUES[name]).remove(jobId);
  }

  async exists(name: JobName, jobId: string): Promise<boolean> {
    return (await this.queue(JOB_QUEUES[name]).getJob(jobId)) !== undefined;
  }

  async ping(): Promise<boolean> {
    return (await this.connection.ping()) === 'PONG';
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.connection.disconnect();
  }
}
