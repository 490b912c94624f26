import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

export interface RunningJianyi {
  start: ChildProcess;
  /** Resolves once the api listens and the worker has run its start-up sweep; with the seconds it took. */
  ready: Promise<number>;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `npm start` as a user runs it, minus the web build (start.ts itself never builds): the start script as its own
 * process, in embedded mode (no DATABASE_URL, no REDIS_URL), the queues forced onto PostgreSQL so the machine's
 * Redis is not picked, demo mode, JSON logs.
 */
export function startJianyi({ dataDir, port, env = {} }: { dataDir: string; port: number; env?: Record<string, string> }): RunningJianyi {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !['DATABASE_URL', 'REDIS_URL', 'TEST_DATABASE_URL', 'QUEUE_PREFIX', 'EMBEDDED_PG_PORT'].includes(name)),
  );
  const started = Date.now();
  const start = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'scripts', 'start.ts')], {
    cwd: ROOT,
    env: { ...inherited, QUEUE_BACKEND: 'postgres', PORT: String(port), DATA_DIR: dataDir, DEMO_MODE: 'true', LOG_LEVEL: 'log', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  start.stdout?.on('data', collect);
  start.stderr?.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => start.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise<number>((resolve, reject) => {
    const check = () => {
      if (output.includes('"msg":"api listening"') && output.includes('"msg":"worker started","reconciled"')) {
        start.stdout?.off('data', check);
        resolve((Date.now() - started) / 1000);
      }
    };
    start.stdout?.on('data', check);
    void exited.then(({ code, signal }) => reject(new Error(`start exited (${code ?? signal}) before it was ready:\n${output.slice(-3000)}`)));
  });
  ready.catch(() => undefined);
  return { start, ready, output: () => output, exited };
}

/** Every process below `root` now (children, grandchildren…), with its command line. */
export function processTree(root: number): Array<{ pid: number; command: string }> {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const stat = readProc(Number(entry), 'stat');
    // "pid (command) state ppid …": the command may hold spaces and parentheses.
    if (stat) parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
  }
  const found: number[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    frontier = [...parentOf].filter(([, parent]) => frontier.includes(parent)).map(([pid]) => pid);
    found.push(...frontier);
  }
  return found.map((pid) => ({ pid, command: (readProc(pid, 'cmdline') ?? '').replace(/\0/g, ' ').trim() }));
}

/** Still running: exists and is not a zombie. */
export function isRunning(pid: number): boolean {
  const stat = readProc(pid, 'stat');
  return stat !== null && stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}
