import { fork, ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { runConcurrently } from './bench-system';
import { benchHttpClient, expectStatus } from './http-client';
import { contactEvent } from './event-payloads';

/**
 * One measured burst of requests: each client POSTs `body(call)` to `paths[client % paths.length]` on
 * `baseUrls[client % baseUrls.length]` (spread over api copies as a load balancer would) and expects `status`.
 */
export interface LoadOrder {
  baseUrls: string[];
  token: string;
  paths: string[];
  clients: number;
  total: number;
  /** Which request body to send, by name (functions do not cross a process boundary). */
  body: 'contactEvent';
  status: number;
}

export interface LoadResult {
  seconds: number;
  latencies: number[];
  /** CPU the load generator itself spent (user + system, ms): not the api's. */
  cpuMs: number;
}

export interface HttpLoadGenerator {
  run(order: LoadOrder): Promise<LoadResult>;
  close(): void;
}

/**
 * The HTTP clients run in a process of their own, as real clients run on other machines: in the api's thread they
 * took the api's event loop for their own request building and parsing, so the over-HTTP figures counted them as the
 * api's cost. They still share the machine's cores with the api and PostgreSQL.
 */
export function startHttpLoadGenerator(): HttpLoadGenerator {
  const child: ChildProcess = fork(join(__dirname, 'http-load.ts'), ['--serve'], { execArgv: ['-r', '@swc-node/register'] });
  let pending: { resolve: (result: LoadResult) => void; reject: (error: Error) => void } | undefined;
  child.on('message', (message: { result?: LoadResult; error?: string }) => {
    const waiting = pending;
    pending = undefined;
    if (message.error !== undefined) waiting?.reject(new Error(message.error));
    else waiting?.resolve(message.result as LoadResult);
  });
  child.on('exit', (code) => pending?.reject(new Error(`the HTTP load generator exited with ${code}`)));
  return {
    run: (order) =>
      new Promise((resolve, reject) => {
        if (pending) throw new Error('one load at a time');
        pending = { resolve, reject };
        child.send(order);
      }),
    close: () => child.kill(),
  };
}

async function serveOrder(order: LoadOrder, bodies: Record<LoadOrder['body'], (call: number) => unknown>): Promise<LoadResult> {
  const servers = order.baseUrls.map((baseUrl) => benchHttpClient(baseUrl));
  const before = process.cpuUsage();
  try {
    const run = await runConcurrently({ clients: order.clients, total: order.total }, async (client, call) => {
      const path = order.paths[client % order.paths.length];
      const answer = await servers[client % servers.length].call('POST', path, { token: order.token, body: bodies[order.body](call) });
      expectStatus(answer, order.status, `POST ${path}`);
    });
    const used = process.cpuUsage(before);
    return { seconds: run.seconds, latencies: run.latencies, cpuMs: (used.user + used.system) / 1000 };
  } finally {
    for (const http of servers) http.close();
  }
}

if (require.main === module && process.argv.includes('--serve')) {
  process.on('message', (order: LoadOrder) => {
    serveOrder(order, { contactEvent }).then(
      (result) => process.send?.({ result }),
      (error: Error) => process.send?.({ error: error.message }),
    );
  });
}
