import { Socket } from 'node:net';
import type { AppConfig } from '../config/app-config';

export const QUEUE_BACKEND = Symbol('QUEUE_BACKEND');

/** Where the BullMQ queues live. Resolved once per process by resolveQueueBackend; everything else just reads it. */
export type QueueBackendChoice =
  | { kind: 'redis'; redisUrl: string; reason: string }
  | { kind: 'postgres'; databaseUrl: string; reason: string };

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * The one place the queue backend is chosen: REDIS_URL set → Redis; QUEUE_BACKEND forces one; otherwise Redis if
 * one answers on the default port, else BullMQ's PostgreSQL backend in the application database.
 */
export async function resolveQueueBackend(
  config: Pick<AppConfig, 'REDIS_URL' | 'QUEUE_BACKEND' | 'DATABASE_URL'>,
  probeUrl = DEFAULT_REDIS_URL,
): Promise<QueueBackendChoice> {
  const postgres = (reason: string): QueueBackendChoice => ({ kind: 'postgres', databaseUrl: config.DATABASE_URL, reason });
  if (config.QUEUE_BACKEND === 'postgres') return postgres('QUEUE_BACKEND=postgres');
  if (config.REDIS_URL) return { kind: 'redis', redisUrl: config.REDIS_URL, reason: 'REDIS_URL is set' };
  if (config.QUEUE_BACKEND === 'redis') return { kind: 'redis', redisUrl: probeUrl, reason: 'QUEUE_BACKEND=redis' };
  if (await redisAnswers(probeUrl)) return { kind: 'redis', redisUrl: probeUrl, reason: `Redis answers at ${probeUrl}` };
  return postgres(`REDIS_URL is not set and no Redis answers at ${probeUrl}`);
}

/** A PING over a bare socket: no client library, no reconnect loop, a short timeout. */
export function redisAnswers(url: string, timeoutMs = 500): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG') || data.toString().startsWith('-NOAUTH')));
    socket.connect(Number(port || 6379), hostname || '127.0.0.1', () => socket.write('PING\r\n'));
  });
}

/** PostgreSQL schema names are identifiers: the queue prefix made safe for one. */
export function queueSchemaFor(prefix: string): string {
  return `bullmq_${prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63);
}
