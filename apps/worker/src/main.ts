import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createAppLogger, JobRunner, loadConfig, resolveQueueBackend } from '@app/persistence';
import { JurisdictionProfileService } from '@app/accounts';
import { ReconcileJob } from '@app/workflow-engine';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createAppLogger({ format: config.LOG_FORMAT, level: config.LOG_LEVEL, app: 'worker' });
  const backend = await resolveQueueBackend(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, backend), { logger });
  const log = new Logger('Worker');
  let stopping = false;
  // Stop taking jobs, let running ones finish (or release them at SHUTDOWN_TIMEOUT_MS), then close connections.
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.log({ msg: 'stopping', signal });
    await app.get(JobRunner).stop();
    await app.close();
    log.log({ msg: 'worker stopped' });
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.get(JurisdictionProfileService).validateAll();
  await app.get(JobRunner).start(config.WORKER_CONCURRENCY);
  // Catch up on whatever was missed while no worker ran (or Redis was wiped) before taking new jobs.
  const report = await app.get(ReconcileJob).runOnce();
  log.log({ msg: 'worker started', reconciled: report, queueBackend: backend.kind, reason: backend.reason });
}

bootstrap().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
