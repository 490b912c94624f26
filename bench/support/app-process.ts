import { spawn, ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { benchHttpClient } from './http-client';

const ROOT = join(__dirname, '..', '..');
const READY_POLL_MS = 100;
const STOP_GRACE_MS = 10_000;
const START_TIMEOUT_MS = 120_000;

/**
 * The api or worker as deployed: its own process, `node -r @swc-node/register apps/<app>/src/main.ts`, default log
 * level unless `env` sets LOG_LEVEL. An api is ready when its readiness probe answers 200 on env.PORT (so it works at
 * any log level); a worker when it logs "worker started" (so it needs LOG_LEVEL log or debug).
 */
export async function startApp(app: 'api' | 'worker', env: Record<string, string>): Promise<ChildProcess> {
  if (app === 'api' && !(Number(env.PORT) > 0)) throw new Error('startApp("api") needs env.PORT: its readiness probe is polled there');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps', app, 'src', 'main.ts')], {
    cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'log', LOG_FORMAT: 'json', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const onData = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const isReady = app === 'api' ? apiAnswers(Number(env.PORT)) : async () => output.includes('"msg":"worker started"');
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await isReady())) {
      if (exited !== undefined) throw new Error(`${app} exited (${exited}):\n${output.slice(-1500)}`);
      if (Date.now() > deadline) throw new Error(`${app} not ready after ${START_TIMEOUT_MS} ms:\n${output.slice(-1500)}`);
      await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
    }
  } catch (error) {
    await stopApp(child);
    throw error;
  } finally {
    // From here on its logs are read and dropped, so a full pipe never stalls it.
    child.stdout?.removeListener('data', onData);
    child.stderr?.removeListener('data', onData);
    child.stdout?.resume();
    child.stderr?.resume();
  }
  return child;
}

function apiAnswers(port: number): () => Promise<boolean> {
  return async () => {
    const http = benchHttpClient(`http://127.0.0.1:${port}`, 1);
    try {
      return (await http.call('GET', '/api/health/ready')).status === 200;
    } catch {
      return false; // not listening yet
    } finally {
      http.close();
    }
  };
}

/** SIGTERM (the api drains, the worker finishes its jobs), SIGKILL if it has not exited within the grace period. */
export async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

/** A TCP port nobody listens on right now (the OS picks it), for a child process to listen on. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** CPU time (ms, user + system) a process has used so far, from /proc/<pid>/stat; null once it is gone. */
export function processCpuMs(pid: number): number | null {
  const ticksPerMs = 100 / 1000; // USER_HZ: 100 on Linux
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
  } catch {
    return null;
  }
}
