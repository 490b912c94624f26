import 'reflect-metadata';
import { spawn, ChildProcess } from 'node:child_process';
import { loadConfig, migrateDatabase, resolveQueueBackend } from '@app/persistence';
import { seedDemo } from './demo/seed-demo';
import { RunningPostgres, startEmbeddedPostgres } from './embedded-postgres';

/**
 * `npm start`: creates and migrates the database, loads the demo jurisdiction once, then runs the api and the
 * worker as two processes (as in production) in demo mode, until Ctrl-C.
 *
 * Zero-install mode: without DATABASE_URL it runs an embedded PostgreSQL with its data under DATA_DIR (./.data) on
 * EMBEDDED_PG_PORT (a free port when unset); without REDIS_URL and no Redis on the default port the queues live in
 * that same database (BullMQ's PostgreSQL backend). The choice is made once here and handed to both processes.
 */
async function main(): Promise<void> {
  let embedded: RunningPostgres | null = null;
  const env: Record<string, string | undefined> = { DEMO_MODE: 'true', ...process.env };
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ dataDir: env.DATA_DIR ?? '.data', port: env.EMBEDDED_PG_PORT ? Number(env.EMBEDDED_PG_PORT) : undefined });
    env.DATABASE_URL = embedded.url;
    console.log(`Embedded PostgreSQL running (${embedded.url.replace(/:[^:@]*@/, ':***@')})`);
  }
  const backend = await resolveQueueBackend(loadConfig(env));
  env.QUEUE_BACKEND = backend.kind;
  if (backend.kind === 'redis') env.REDIS_URL = backend.redisUrl;
  console.log(`Queues on ${backend.kind}: ${backend.reason}`);
  const config = loadConfig(env);
  const applied = await migrateDatabase(config.DATABASE_URL);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
  await seedDemo(config);
  runApps(env, embedded);
}

/** Both processes get SIGTERM on Ctrl-C and drain; the embedded database stops after the last one exits. */
function runApps(env: Record<string, string | undefined>, embedded: RunningPostgres | null): void {
  const children: ChildProcess[] = ['apps/api/src/main.ts', 'apps/worker/src/main.ts'].map((entry) =>
    spawn(process.execPath, ['-r', '@swc-node/register', entry], { env, stdio: 'inherit' }),
  );
  let stopping = false;
  const stop = () => {
    stopping = true;
    children.forEach((child) => child.exitCode === null && child.kill('SIGTERM'));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  let running = children.length;
  children.forEach((child) =>
    child.on('exit', async (code) => {
      if (code && !stopping) {
        console.error(`A Jianyi process exited with code ${code}; stopping`);
        process.exitCode = code;
        stop();
      }
      if (--running > 0) return;
      await embedded?.stop();
      console.log('Jianyi stopped');
    }),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
