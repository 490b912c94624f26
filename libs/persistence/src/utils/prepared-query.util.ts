import { EntityManager, QueryFailedError } from 'typeorm';
import { updatedRows } from './updated-rows.util';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Statement names by text. The texts are the few shapes of the event path's statements (they vary only with a
 * policy's grants or the number of rows), so the map stays small; past the cap a new text simply runs unprepared.
 */
const statementNames = new Map<string, string>();
const MAX_PREPARED_STATEMENTS = 256;

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_PREPARED_STATEMENTS) {
    name = `jianyi_${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Runs a hot statement (the event path's, the session check) as a named prepared statement and answers its rows (also
 * of UPDATE … RETURNING): on the transaction's connection, or outside a transaction on any pooled one, as
 * `manager.query` would. PostgreSQL then parses it once per connection and soon reuses a generic plan: planning the
 * read check and the projection cost PostgreSQL more than running them, on every event. Errors surface as TypeORM's
 * QueryFailedError, as from `manager.query`.
 */
export async function preparedRows<T>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const name = statementName(text);
  const runner = manager.queryRunner;
  const pool = (manager.connection.driver as unknown as { master?: PgClient }).master;
  const client = runner ? (runner.isReleased ? undefined : ((await runner.connect()) as PgClient)) : pool;
  if (name === undefined || client === undefined) return updatedRows<T>(await manager.query(text, values));
  try {
    return (await client.query({ name, text, values })).rows as T[];
  } catch (error) {
    manager.connection.logger.logQueryError(error as Error, text, values, runner);
    throw new QueryFailedError(text, values, error as Error);
  }
}
