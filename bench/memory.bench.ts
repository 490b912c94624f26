import { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BenchSystem, runConcurrently } from './support/bench-system';
import { benchHttpClient, expectStatus } from './support/http-client';
import { startApp, stopApp } from './support/app-process';
import { contactEvent, prepare } from './event-throughput.bench';

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

/** Idle RSS of a separately started api and worker, then their peak RSS while benchmark 1's HTTP load runs against that api. */
export async function benchMemory(system: BenchSystem, events: number): Promise<MemoryResult> {
  const { ids } = await prepare(system);
  const port = 40_000 + (process.pid % 20_000);
  const env = { DATABASE_URL: system.config.DATABASE_URL, QUEUE_PREFIX: `${system.config.QUEUE_PREFIX}-memory`, DEMO_MODE: 'true', PORT: String(port) };
  const children: ChildProcess[] = [];
  const started = async (app: 'api' | 'worker') => children[children.push(await startApp(app, env)) - 1];
  try {
    const [api, worker] = [await started('api'), await started('worker')];
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const idle = { api: rssMb(api.pid as number), worker: rssMb(worker.pid as number) };
    const http = benchHttpClient(`http://127.0.0.1:${port}`);
    const token = await http.login(system.directory.code, 'jtj-staff');
    const peak = { ...idle };
    const sampler = setInterval(() => {
      peak.api = Math.max(peak.api, rssMb(api.pid as number));
      peak.worker = Math.max(peak.worker, rssMb(worker.pid as number));
    }, 100);
    try {
      await runConcurrently({ clients: CLIENTS, total: events }, async (client, call) => {
        expectStatus(await http.call('POST', `/api/suggestions/${ids[client % ids.length]}/events`, { token, body: contactEvent(call) }), 200, 'an event');
      });
    } finally {
      clearInterval(sampler);
      http.close();
    }
    return { apiIdleMb: idle.api, workerIdleMb: idle.worker, apiUnderLoadMb: peak.api, workerUnderLoadMb: peak.worker, events };
  } finally {
    await Promise.all(children.map(stopApp));
  }
}
