import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { APP_CONFIG } from '../config/config.tokens';
import type { AppConfig } from '../config/app-config';
import { ON_JOB_METADATA } from './on-job.decorator';
import { JOB_QUEUES, JobName, QueueName } from './queue.constants';
import { QueueService } from './queue.service';

type Handler = (data: unknown) => Promise<unknown>;

/** Finds every @OnJob handler, refuses to start unless each job has exactly one, and runs one BullMQ worker per queue. */
@Injectable()
export class JobRunner implements OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly workers: Worker[] = [];
  private readonly connections: IORedis[] = [];
  private handlers = new Map<JobName, Handler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly queues: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  discoverHandlers(): Map<JobName, Handler> {
    const found = new Map<JobName, Handler[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const name = this.reflector.get<JobName | undefined>(ON_JOB_METADATA, prototype[method]);
        if (!name) continue;
        found.set(name, [...(found.get(name) ?? []), (data) => (instance[method] as Handler).call(instance, data)]);
      }
    }
    const problems = Object.values(JobName).flatMap((name) => {
      const count = found.get(name)?.length ?? 0;
      return count === 1 ? [] : [`job ${name} has ${count} handlers`];
    });
    if (problems.length > 0) throw new Error(`Refusing to start the worker: ${problems.join('; ')}`);
    return new Map([...found].map(([name, list]) => [name, list[0]]));
  }

  async start(concurrency = 8): Promise<void> {
    this.handlers = this.discoverHandlers();
    for (const queue of Object.values(QueueName)) {
      const connection = this.queues.connection.duplicate();
      this.connections.push(connection);
      const worker = new Worker(queue, (job: Job) => this.run(job), {
        connection,
        prefix: this.queues.prefix,
        concurrency,
      });
      worker.on('failed', (job, error) => this.logger.warn(`Job ${job?.name} ${job?.id} failed: ${error.message}`));
      this.workers.push(worker);
    }
    await this.queues.queue(JOB_QUEUES[JobName.RECONCILE]).upsertJobScheduler(
      'reconcile-periodically',
      { every: this.config.RECONCILE_INTERVAL_MS },
      { name: JobName.RECONCILE, data: {} },
    );
  }

  private async run(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    return handler(job.data);
  }

  /** Lets running jobs finish; BullMQ hands unfinished ones to another worker after their lock expires. */
  async stop(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
    this.connections.splice(0).forEach((connection) => connection.disconnect());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}
