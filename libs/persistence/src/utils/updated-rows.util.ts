/**
 * TypeORM's postgres driver answers `manager.query()` for UPDATE and DELETE with `[rows, rowCount]`
 * and for everything else with `rows`; this returns the rows (of a RETURNING clause) either way.
 */
export function updatedRows<T>(raw: unknown): T[] {
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number') return raw[0] as T[];
  return raw as T[];
}
