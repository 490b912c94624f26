import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createPostgresBackend, JobsOptions, Processor, Queue, Worker, WorkerOptions } from 'bullmq';
import IORedis from 'ioredis';
import { APP_CONFIG } from '../config/config.tokens';
import type { AppConfig } from '../config/app-config';
import { currentRequestId } from '../logging/request-context';
import { QUEUE_BACKEND, QueueBackendChoice, queueSchemaFor } from './queue-backend';
import { JOB_QUEUES, JobName, JobPayloads, QueueName } from './queue.constants';

const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: 1000,
  removeOnFail: false,
};

/** Small pools: one per queue and worker, on a database the api and worker also use. */
const POSTGRES_POOL_MAX = 3;

export interface EnqueueRequest<N extends JobName> {
  name: N;
  data: JobPayloads[N];
  /** Deterministic id built with `_`/`-` (BullMQ 6 rejects `:`): enqueueing twice is harmless. */
  jobId: string;
  delayMs?: number;
  /** Overrides of the default retry policy (attempts 3, exponential backoff from 1 s). */
  attempts?: number;
  backoffMs?: number;
}

/** The only place that talks to BullMQ queues; services enqueue through it and never import bullmq. */
@Injectable()
export class QueueService implements OnModuleDestroy {
  private readonly queues = new Map<QueueName, Queue>();
  private readonly redis: IORedis | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(QUEUE_BACKEND) readonly backend: QueueBackendChoice,
  ) {
    this.redis = backend.kind === 'redis' ? new IORedis(backend.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false }) : null;
  }

  get prefix(): string {
    return this.config.QUEUE_PREFIX;
  }

  /** The Redis connection (Redis backend only): tests and tools that inspect keys directly. */
  get connection(): IORedis {
    if (!this.redis) throw new Error('The queues run on PostgreSQL; there is no Redis connection');
    return this.redis;
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.backend.kind === 'redis'
        ? new Queue(name, { connection: this.connection, prefix: this.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS })
        : new Queue(name, { connection: this.postgresConnection(), defaultJobOptions: DEFAULT_JOB_OPTIONS } as never, createPostgresBackend as never);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** A worker on the same backend as the queues; the caller closes it. */
  createWorker(name: QueueName, processor: Processor, options: Pick<WorkerOptions, 'concurrency' | 'lockDuration' | 'stalledInterval'>): Worker {
    if (this.backend.kind === 'redis') {
      const connection = this.connection.duplicate();
      const worker = new Worker(name, processor, { ...options, connection, prefix: this.prefix });
      // BullMQ leaves a connection it was given open when the worker closes: without this each stopped worker leaks one.
      worker.once('closed', () => connection.disconnect());
      return worker;
    }
    return new Worker(name, processor, { ...options, connection: this.postgresConnection() } as never, createPostgresBackend as never);
  }

  async enqueue<N extends JobName>(request: EnqueueRequest<N>): Promise<void> {
    const requestId = currentRequestId();
    await this.queue(JOB_QUEUES[request.name]).add(request.name, { ...request.data, ...(requestId ? { requestId } : {}) }, {
      jobId: request.jobId,
      delay: Math.max(0, request.delayMs ?? 0),
      ...(request.attempts ? { attempts: request.attempts } : {}),
      ...(request.backoffMs ? { backoff: { type: 'exponential', delay: request.backoffMs } } : {}),
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

  /**
   * A marker that lives only as long as the queue store's data: the reconciler writes one after restoring every job,
   * and finds it gone once Redis lost its data (flushed, restarted without persistence, failed over to an empty
   * replica). On PostgreSQL the queues are kept in the application database, so they are lost only with the deadlines
   * themselves: the marker there is never missing.
   */
  async hasMarker(name: string): Promise<boolean> {
    if (!this.redis) return true;
    return (await this.redis.exists(this.markerKey(name))) === 1;
  }

  async setMarker(name: string): Promise<void> {
    await this.redis?.set(this.markerKey(name), new Date().toISOString());
  }

  private markerKey(name: string): string {
    return `${this.prefix}:marker:${name}`;
  }

  /** Whether the queue backend answers: a PING on Redis, a count query on PostgreSQL. */
  async ping(): Promise<boolean> {
    if (this.redis) return (await this.redis.ping()) === 'PONG';
    await this.queue(QueueName.MAINTENANCE).getJobCounts('waiting');
    return true;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.redis?.disconnect();
  }

  /** `migrate: true`: BullMQ creates or upgrades its schema on first connect, serialised by an advisory lock. */
  private postgresConnection() {
    return { connectionString: (this.backend as { databaseUrl: string }).databaseUrl, schema: queueSchemaFor(this.prefix), max: POSTGRES_POOL_MAX, migrate: true };
  }
}
