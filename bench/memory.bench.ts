import { spawn, ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchSystem, runConcurrently } from './support/bench-system';
import { contactEvent, prepare } from './event-throughput.bench';

const ROOT = join(__dirname, '..');
const CLIENTS = 16;

export interface MemoryResult {
  apiIdleMb: number;
  workerIdleMb: number;
  apiUnderLoadMb: number;
  workerUnderLoadMb: number;
  events: number;
}

/** Resident set size of a process, from /proc (Linux), in MB. */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : 0;
}

/** The api or worker as deployed: its own process, `node -r @swc-node/register apps/<app>/src/main.ts`. */
async function startApp(app: 'api' | 'worker', env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps', app, 'src', 'main.ts')], {
    cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Jianyi (worker started|api listening)/.test(output)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${app} exited (${code}):\n${output.slice(-1500)}`)));
  });
  return child;
}

/** Idle RSS of a separately started api and worker, then their peak RSS while benchmark 1's HTTP load runs against that api. */
export async function benchMemory(system: BenchSystem, events: number): Promise<MemoryResult> {
  const { ids } = await prepare(system);
  const port = 40_000 + (process.pid % 20_000);
  const env = { DATABASE_URL: system.config.DATABASE_URL, QUEUE_PREFIX: `${system.config.QUEUE_PREFIX}-memory`, DEMO_MODE: 'true', PORT: String(port) };
  const [api, worker] = [await startApp('api', env), await startApp('worker', env)];
  try {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const idle = { api: rssMb(api.pid as number), worker: rssMb(worker.pid as number) };
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/demo-login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jurisdictionCode: system.directory.code, username: 'jtj-staff' }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const peak = { ...idle };
    const sampler = setInterval(() => {
      peak.api = Math.max(peak.api, rssMb(api.pid as number));
      peak.worker = Math.max(peak.worker, rssMb(worker.pid as number));
    }, 100);
    await runConcurrently({ clients: CLIENTS, total: events }, async (client, call) => {
      const response = await fetch(`${base}/api/suggestions/${ids[client % ids.length]}/events`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(contactEvent(call)),
      });
      if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    });
    clearInterval(sampler);
    return { apiIdleMb: idle.api, workerIdleMb: idle.worker, apiUnderLoadMb: peak.api, workerUnderLoadMb: peak.worker, events };
  } finally {
    api.kill('SIGTERM');
    worker.kill('SIGTERM');
  }
}
