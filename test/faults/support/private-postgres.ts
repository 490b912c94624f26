import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

const BIN = process.env.FAULT_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const OS_USER = 'postgres';

/**
 * A PostgreSQL server of the test's own, from the system binaries: a temporary folder, a free port, trust auth on
 * 127.0.0.1 only. It can be stopped and started at will because nothing else uses it; the machine's shared server
 * (5432) is never touched. PostgreSQL refuses to run as root, so as root every command runs as the `postgres` user.
 */
export class PrivatePostgres {
  private constructor(
    readonly folder: string,
    readonly port: number,
  ) {}

  static async create(): Promise<PrivatePostgres> {
    if (!existsSync(join(BIN, 'initdb'))) throw new Error(`no PostgreSQL binaries in ${BIN} (set FAULT_PG_BIN)`);
    const folder = mkdtempSync(join(tmpdir(), 'jianyi-fault-pg-'));
    if (process.getuid?.() === 0) {
      const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, OS_USER]).toString().trim()));
      chownSync(folder, uid, gid);
    }
    const server = new PrivatePostgres(folder, await freePort());
    await server.run('initdb', ['-D', server.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    return server;
  }

  get dataDir(): string {
    return join(this.folder, 'data');
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    // fsync off: the test restarts the server cleanly (fast shutdown), it never simulates a power cut.
    const options = `-p ${this.port} -k ${this.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
    await this.run('pg_ctl', ['-D', this.dataDir, '-o', options, '-l', join(this.folder, 'server.log'), '-w', '-t', '60', 'start']);
  }

  /** Fast shutdown: open connections are cut, as when the database server goes away under load. */
  async stop(): Promise<void> {
    if (!existsSync(join(this.dataDir, 'postmaster.pid'))) return;
    await this.run('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  }

  async createDatabase(name: string): Promise<void> {
    await this.run('createdb', ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', name]);
  }

  async destroy(): Promise<void> {
    try {
      await this.stop();
    } finally {
      rmSync(this.folder, { recursive: true, force: true });
    }
  }

  private async run(program: string, args: string[]): Promise<void> {
    const asRoot = process.getuid?.() === 0;
    const [command, argv] = asRoot ? ['runuser', ['-u', OS_USER, '--', join(BIN, program), ...args]] : [join(BIN, program), args];
    try {
      await exec(command, argv, { cwd: this.folder, timeout: 90_000 });
    } catch (error) {
      const { stderr, stdout, message } = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(`${program} failed: ${stderr || stdout || message}`);
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
