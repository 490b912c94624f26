import { randomUUID } from 'node:crypto';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi } from '../../apps/api/src/configure-api';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { Clock, JobRunner, loadConfig, ManualClock, QueueService } from '@app/persistence';
import { ReconcileJob } from '@app/workflow-engine';

export interface TestSystem {
  api: INestApplication;
  worker: INestApplicationContext;
  clock: ManualClock;
  dataSource: DataSource;
  http: () => ReturnType<typeof request>;
  /** Fires whatever the clock says is due and delivers the outbox, as the worker's periodic sweep does. */
  reconcile: () => Promise<unknown>;
  /** Waits until no job is waiting or active on any queue. */
  drainQueues: () => Promise<void>;
  close: () => Promise<void>;
}

/** The real api and worker, in this process, on the run's database and a Redis prefix of their own, sharing one clock. */
export async function startTestSystem({
  now = new Date('2026-03-10T02:00:00Z'),
  withWorker = true,
  env = {} as Record<string, string>,
} = {}): Promise<TestSystem> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run through jest (global setup creates it)');
  const config = loadConfig({
    DATABASE_URL: url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    DEMO_MODE: 'true',
    QUEUE_PREFIX: `jianyi-test-${randomUUID().slice(0, 8)}`,
    RECONCILE_INTERVAL_MS: '3600000',
    ...env,
  });
  const clock = new ManualClock(now);

  const apiModule = await Test.createTestingModule({ imports: [ApiModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const api = apiModule.createNestApplication({ bodyParser: false, logger: ['error'] });
  configureApi(api);
  await api.init();

  const workerModule = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const worker = await workerModule.init();
  if (withWorker) await worker.get(JobRunner).start(4);

  const queues = worker.get(QueueService);
  const drainQueues = async () => {
    for (let attempt = 0; attempt < 400; attempt++) {
      const counts = await Promise.all(
        ['deadlines', 'notifications'].map((name) => queues.queue(name as never).getJobCounts('waiting', 'active', 'prioritized')),
      );
      if (counts.every((count) => Object.values(count).every((value) => value === 0))) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('queues did not drain');
  };

  return {
    api,
    worker,
    clock,
    dataSource: api.get(DataSource),
    http: () => request(api.getHttpServer()),
    reconcile: () => worker.get(ReconcileJob).runOnce(),
    drainQueues,
    close: async () => {
      await worker.get(JobRunner).stop();
      await Promise.all(['deadlines', 'notifications', 'maintenance'].map((name) => queues.queue(name as never).obliterate({ force: true })));
      await api.close();
      await worker.close();
    },
  };
}
