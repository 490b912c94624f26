import type { EntityManager } from 'typeorm';

/** Domain tables keyed by their workflow instance's id, with a `title` column. A fixed list: the name goes into SQL. */
export type TitledInstanceTable = 'vote_sessions' | 'review_opinion_lists' | 'livelihood_votes';

/** The titles of several instances' domain rows in one query, for notification texts; a missing row has none. */
export async function titlesById(manager: EntityManager, table: TitledInstanceTable, ids: string[]): Promise<Map<string, string>> {
  const rows: Array<{ id: string; title: string }> = await manager.query(`SELECT id, title FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((row) => [row.id, row.title]));
}
