import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { JobRunner, loadConfig } from '@app/persistence';
import { JurisdictionProfileService } from '@app/accounts';
import { ReconcileJob } from '@app/workflow-engine';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  await app.get(JurisdictionProfileService).validateAll();
  await app.get(JobRunner).start();
  // Catch up on whatever was missed while no worker ran (or Redis was wiped) before taking new jobs.
  const report = await app.get(ReconcileJob).runOnce();
  console.log(`Jianyi worker started; reconciled ${JSON.stringify(report)}`);
}

bootstrap().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
