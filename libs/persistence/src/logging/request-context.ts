import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` with a request id that logs and enqueued jobs pick up, however deep the calls go. */
export function runWithRequestId<T>(requestId: string | undefined, work: () => T): T {
  return storage.run({ requestId: requestId || randomUUID() }, work);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** A client may pass its own id; anything odd is replaced so logs stay parseable. */
export function acceptRequestId(header: unknown): string {
  return typeof header === 'string' && /^[A-Za-z0-9._-]{1,100}$/.test(header) ? header : randomUUID();
}
