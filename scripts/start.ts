import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { loadConfig, migrateDatabase, resolveQueueBackend } from '@app/persistence';
import { seedDemo } from './demo/seed-demo';
import { EmbeddedPostgres, prepareEmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { GuardMessage, stopInOrder } from './start-guard';

const ROOT = join(__dirname, '..');
/** Beyond the apps' own drain (SHUTDOWN_TIMEOUT_MS): closing their connections and exiting. */
const STOP_MARGIN_MS = 10_000;

type Env = Record<string, string | undefined>;

/**
 * `npm start`: creates and migrates the database, loads the demo jurisdiction once, then runs the api and the worker
 * as two processes (as in production) in demo mode, until SIGINT (Ctrl-C), SIGTERM or SIGHUP.
 *
 * Zero-install mode: without DATABASE_URL it runs an embedded PostgreSQL with its data under DATA_DIR (./.data) on
 * EMBEDDED_PG_PORT (a free port when unset); without REDIS_URL and no Redis on the default port the queues live in
 * that same database (BullMQ's PostgreSQL backend). The choice is made once here and handed to both processes.
 *
 * Stopping is the start guard's job (scripts/start-guard.ts): on a signal this process lets go of the guard, which
 * stops the apps and then the database; if this process dies any other way (even SIGKILL) the guard does the same.
 * If the api or the worker exits on its own, the other is stopped too and this process exits non-zero.
 */
async function main(): Promise<void> {
  // DATA_DIR made absolute once, so the embedded database here and the attachments in the apps agree on it.
  const env: Env = { DEMO_MODE: 'true', ...process.env, DATA_DIR: resolve(process.env.DATA_DIR ?? '.data') };
  const graceMs = loadConfig(env).SHUTDOWN_TIMEOUT_MS + STOP_MARGIN_MS;
  const supervisor = new Supervisor(await spawnGuard(graceMs), graceMs);
  try {
    if (!env.DATABASE_URL) env.DATABASE_URL = await runEmbeddedPostgres(env, supervisor);
    const backend = await resolveQueueBackend(loadConfig(env));
    env.QUEUE_BACKEND = backend.kind;
    if (backend.kind === 'redis') env.REDIS_URL = backend.redisUrl;
    console.log(`Queues on ${backend.kind}: ${backend.reason}`);
    const ready = loadConfig(env);
    const applied = await migrateDatabase(ready.DATABASE_URL);
    if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
    await seedDemo(ready);
    supervisor.run('api', 'apps/api/src/main.ts', env);
    supervisor.run('worker', 'apps/worker/src/main.ts', env);
  } catch (error) {
    // Once stopping, a start-up step failing as the database goes away is expected: nothing to report.
    if (supervisor.stopping) return;
    console.error(error instanceof Error ? error.message : error);
    supervisor.stop('start-up failed', 1);
  }
}

async function runEmbeddedPostgres(env: Env, supervisor: Supervisor): Promise<string> {
  const server: EmbeddedPostgres = await prepareEmbeddedPostgres({
    dataDir: env.DATA_DIR as string,
    port: env.EMBEDDED_PG_PORT ? Number(env.EMBEDDED_PG_PORT) : undefined,
  });
  // Handed to the guard before it starts, so even a start process killed right now leaves no server behind.
  supervisor.watchPostgres(server);
  supervisor.adopt('embedded PostgreSQL', await startEmbeddedPostgres(server));
  console.log(`Embedded PostgreSQL running (${server.url.replace(/:[^:@]*@/, ':***@')}; log ${server.logFile})`);
  return server.url;
}

/** Runs the apps and decides this process' exit code; the guard does the stopping. */
class Supervisor {
  private readonly children: ChildProcess[] = [];
  private readonly appPids: number[] = [];
  private postgres: EmbeddedPostgres | null = null;
  private exitCode = 0;
  stopping = false;

  constructor(
    private readonly guard: ChildProcess,
    private readonly graceMs: number,
  ) {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => this.stop(signal, 0));
    guard.once('exit', (code) => void this.finish(code));
  }

  watchPostgres(server: EmbeddedPostgres): void {
    this.postgres = server;
    this.tellGuard({ postgres: { pgCtl: server.pgCtl, databaseDir: server.databaseDir, owner: server.owner } });
  }

  run(name: string, entry: string, env: Env): void {
    if (this.stopping) return;
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, entry)], { cwd: ROOT, env, stdio: 'inherit' });
    if (child.pid) {
      this.appPids.push(child.pid);
      this.tellGuard({ pids: [child.pid] });
    }
    this.adopt(name, child);
  }

  /** A child whose exit, unless we are stopping, stops everything and makes this process exit non-zero. */
  adopt(name: string, child: ChildProcess): void {
    this.children.push(child);
    child.once('exit', (code, signal) => {
      if (code !== 0) this.exitCode ||= code ?? 1;
      if (!this.stopping) this.stop(`the ${name} exited (${code ?? signal})`, code || 1);
    });
  }

  /** Lets go of the guard, which stops the apps, then the database, then exits; `finish` follows. */
  stop(reason: string, code: number): void {
    if (code !== 0) this.exitCode ||= code;
    if (this.stopping) return;
    this.stopping = true;
    console.log(`Stopping Jianyi (${reason})`);
    if (this.guard.connected) this.guard.disconnect();
  }

  private tellGuard(message: GuardMessage): void {
    if (this.guard.connected) this.guard.send(message);
  }

  private async finish(guardCode: number | null): Promise<void> {
    if (!this.stopping) {
      // Nobody is left to stop things for us: do it here.
      console.error(`The start guard exited unexpectedly (${guardCode}); stopping`);
      this.stopping = true;
      this.exitCode ||= 1;
      await stopInOrder({ pids: this.appPids, postgres: this.postgres, graceMs: this.graceMs }).catch((error: Error) => console.error(error.message));
    } else if (guardCode !== 0) {
      this.exitCode ||= 1;
    }
    await Promise.all(this.children.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((done) => child.once('exit', done)) : null)));
    console.log('Jianyi stopped');
    process.exit(this.exitCode);
  }
}

/** The guard process; resolves once it listens, so nothing is started before something can stop it. */
function spawnGuard(graceMs: number): Promise<ChildProcess> {
  const guard = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'scripts/start-guard.ts'), String(graceMs)], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    guard.once('message', () => resolve(guard));
    guard.once('exit', (code) => reject(new Error(`The start guard exited (${code}) before it was ready`)));
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
