import type { QueueService } from '@app/persistence';

/** Every Redis key of this system's queues (only ours: the server is shared, so nothing else is ever touched). */
export async function prefixKeys(queues: QueueService): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await queues.connection.scan(cursor, 'MATCH', `${queues.prefix}:*`, 'COUNT', 5000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

/** Deletes them, as a Redis that lost its data would have: in chunks, since DEL takes its keys as arguments. */
export async function wipeQueueKeys(queues: QueueService): Promise<void> {
  const keys = await prefixKeys(queues);
  for (let from = 0; from < keys.length; from += 1000) await queues.connection.del(...keys.slice(from, from + 1000));
}
