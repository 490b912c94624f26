import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import { APP_CONFIG } from '../config/config.tokens';
import type { AppConfig } from '../config/app-config';
import { runWithRequestId } from '../logging/request-context';
import { ON_JOB_METADATA } from './on-job.decorator';
import { JOB_QUEUES, JobName, PERIODIC_JOBS, QueueName } from './queue.constants';
import { QueueService } from './queue.service';

type Handler = (data: unknown) => Promise<unknown>;

/** Finds every @OnJob handler, refuses to start unless each job has exactly one, and runs one BullMQ worker per queue. */
@Injectable()
export class JobRunner implements OnModuleDestroy {
  private readonly logger = new Logger(JobRunner.name);
  private readonly workers: Worker[] = [];
  private handlers = new Map<JobName, Handler>();
  private stopping: Promise<void> | null = null;
  private watchdog?: NodeJS.Timeout;

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
    this.stopping = null;
    for (const queue of Object.values(QueueName)) {
      const worker = this.queues.createWorker(queue, (job: Job) => this.run(job), {
        concurrency,
        lockDuration: this.config.JOB_LOCK_MS,
        stalledInterval: this.config.JOB_LOCK_MS,
      });
      worker.on('failed', (job, error) =>
        runWithRequestId(requestIdOf(job), () => this.logger.warn({ msg: 'job failed', job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, error: error.message })),
      );
      this.workers.push(worker);
    }
    await this.schedulePeriodicJobs();
    // A Redis that lost its data also lost the schedules, and nothing periodic would run to notice: check them here.
    clearInterval(this.watchdog);
    this.watchdog = setInterval(() => void this.restorePeriodicJobs(), this.config.RECONCILE_INTERVAL_MS);
    this.watchdog.unref();
    this.logger.log({ msg: 'worker started', backend: this.queues.backend.kind, reason: this.queues.backend.reason, concurrency });
  }

  private async schedulePeriodicJobs(): Promise<void> {
    for (const name of PERIODIC_JOBS) {
      await this.queues.queue(JOB_QUEUES[name]).upsertJobScheduler(periodicId(name), { every: this.config.RECONCILE_INTERVAL_MS }, { name, data: {} });
    }
  }

  /** Re-creates lost schedules; their first run comes at once, and the reconciler then restores every deadline job. */
  private async restorePeriodicJobs(): Promise<void> {
    try {
      for (const name of PERIODIC_JOBS) {
        if (await this.queues.queue(JOB_QUEUES[name]).getJobScheduler(periodicId(name))) continue;
        this.logger.warn({ msg: 'periodic job schedule lost (queue store wiped?); re-creating it', job: name });
        await this.schedulePeriodicJobs();
        return;
      }
    } catch (error) {
      this.logger.warn({ msg: 'could not check the periodic job schedules', error: (error as Error).message });
    }
  }

  /** Every job runs under the request id that scheduled it, so its log lines (and the jobs it enqueues) carry that id. */
  private run(job: Job): Promise<unknown> {
    return runWithRequestId(requestIdOf(job), async () => {
      const handler = this.handlers.get(job.name as JobName);
      if (!handler) throw new Error(`No handler for job ${job.name}`);
      const started = Date.now();
      const outcome = await handler(job.data);
      this.logger.log({ msg: 'job done', job: job.name, jobId: job.id, outcome, ms: Date.now() - started });
      return outcome;
    });
  }

  /**
   * Stops taking jobs and lets running ones finish within SHUTDOWN_TIMEOUT_MS; any still running then are released
   * when the process exits (their lock lapses and BullMQ's stalled-job check hands them to another worker), so none
   * is lost.
   */
  stop(): Promise<void> {
    clearInterval(this.watchdog);
    this.stopping ??= this.closeWorkers();
    return this.stopping;
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  private async closeWorkers(): Promise<void> {
    const workers = this.workers.splice(0);
    const graceful = Promise.all(workers.map((worker) => worker.close())).then(() => true);
    const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), this.config.SHUTDOWN_TIMEOUT_MS).unref());
    if (!(await Promise.race([graceful, timedOut]))) {
      // Stop waiting rather than close(true), which BullMQ ignores once a close() is under way (it returns that
      // close's promise). The process exits, the jobs' locks are no longer renewed, and once JOB_LOCK_MS lapses the
      // stalled-job check of another worker hands them on.
      this.logger.warn({ msg: 'jobs still running at shutdown timeout; releasing them', timeoutMs: this.config.SHUTDOWN_TIMEOUT_MS });
      graceful.catch(() => undefined);
    }
  }
}

const periodicId = (name: JobName): string => `${name}-periodically`;

function requestIdOf(job: Job | undefined): string {
  const fromPayload = (job?.data as { requestId?: unknown } | undefined)?.requestId;
  return typeof fromPayload === 'string' ? fromPayload : `job-${job?.name ?? 'unknown'}-${job?.id ?? ''}`;
}
