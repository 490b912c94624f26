import { readFileSync } from 'node:fs';
import { EmbeddedPostgresHandle, stopEmbeddedPostgres } from './embedded-postgres';

/**
 * The stopping half of `npm start`, run as a process of its own (in a process group of its own, so a Ctrl-C reaches
 * the apps but neither this guard nor the database). Once the start process goes away, however it goes (its orderly
 * stop, a crash, SIGKILL), the IPC channel closes and the guard stops what start ran, in the order a clean stop needs:
 * SIGTERM to the api and the worker, a wait while they drain (SIGKILL after the grace period), then a fast shutdown
 * of the embedded PostgreSQL. One path for every way of stopping, so nothing outlives `npm start`.
 *
 * Messages from the start process: `{ pids }` (apps to stop), `{ postgres }` (the server to stop last).
 */
export interface GuardMessage {
  pids?: number[];
  postgres?: EmbeddedPostgresHandle;
}

export interface StopPlan {
  pids: Iterable<number>;
  postgres: EmbeddedPostgresHandle | null;
  graceMs: number;
}

/** SIGTERM to the apps, wait for them (SIGKILL after `graceMs`), then stop the database. */
export async function stopInOrder({ pids, postgres, graceMs }: StopPlan): Promise<void> {
  const all = [...pids];
  signal(all, 'SIGTERM');
  const until = Date.now() + graceMs;
  while (running(all).length > 0 && Date.now() < until) await sleep(100);
  if (running(all).length > 0) {
    console.error(`Jianyi processes ${running(all).join(', ')} did not stop within ${graceMs} ms; killing them`);
    signal(running(all), 'SIGKILL');
    while (running(all).length > 0 && Date.now() < until + 5_000) await sleep(100);
  }
  if (postgres) await stopEmbeddedPostgres(postgres);
}

function signal(pids: number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // Gone in the meantime.
    }
  }
}

/** Processes still alive; a zombie (exited, not yet reaped by its new parent) counts as gone. */
function running(pids: number[]): number[] {
  return pids.filter((pid) => {
    try {
      process.kill(pid, 0);
    } catch {
      return false;
    }
    try {
      return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return true;
    }
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function guard(graceMs: number): void {
  const pids = new Set<number>();
  let postgres: EmbeddedPostgresHandle | null = null;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    stopInOrder({ pids, postgres, graceMs }).then(
      () => process.exit(0),
      (error: Error) => {
        console.error(`Stopping Jianyi failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  process.on('message', (message: GuardMessage) => {
    message.pids?.forEach((pid) => pids.add(pid));
    if (message.postgres) postgres = message.postgres;
  });
  process.once('disconnect', stop);
  // Signalled directly rather than through the start process: the same stop.
  for (const name of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(name, stop);
  // Writing to a terminal that has gone away must not kill the guard before it has stopped everything.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  process.send?.({ ready: true });
}

if (require.main === module) guard(Number(process.argv[2]));
