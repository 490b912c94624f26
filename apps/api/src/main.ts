import 'reflect-metadata';
import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createAppLogger, loadConfig, resolveQueueBackend } from '@app/persistence';
import { JurisdictionProfileService } from '@app/accounts';
import { ApiModule } from './api.module';
import { configureApi } from './configure-api';
import { apiLifecycle } from './health.controller';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createAppLogger({ format: config.LOG_FORMAT, level: config.LOG_LEVEL, app: 'api' });
  const backend = await resolveQueueBackend(config);
  const app = await NestFactory.create(ApiModule.forRoot(config, backend), { bodyParser: false, logger });
  configureApi(app);
  // A bad jurisdiction profile stops start-up with the field named.
  await app.get(JurisdictionProfileService).validateAll();
  await app.listen(config.PORT, config.HOST);
  const server = app.getHttpServer() as Server;
  const log = new Logger('Api');
  log.log({ msg: 'api listening', url: `http://${config.HOST}:${config.PORT}/api`, queueBackend: backend.kind, reason: backend.reason });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    apiLifecycle.draining = true;
    log.log({ msg: 'draining', signal, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
    // Stop accepting; requests in flight finish (keep-alive sockets close once idle).
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const timer = setTimeout(() => server.closeAllConnections(), config.SHUTDOWN_TIMEOUT_MS).unref();
    await drained;
    clearTimeout(timer);
    await app.close();
    log.log({ msg: 'api stopped' });
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

bootstrap().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
