import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** Options shared by the apps, the migration script and the tests. UTC in the database. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    uuidExtension: 'pgcrypto',
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'all',
    synchronize: false,
    extra: { max: 20, options: '-c timezone=UTC' },
  };
}

/** Creates the database named in `url` if it does not exist, by connecting to the server's `postgres` database. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Database name "${name}" must be letters, digits and underscores`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const source = new DataSource({ type: 'postgres', url: admin.toString() });
  await source.initialize();
  try {
    const rows: unknown[] = await source.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rows.length === 0) await source.query(`CREATE DATABASE "${name}"`);
  } finally {
    await source.destroy();
  }
}

/** Creates the database if needed and applies every pending migration. */
export async function migrateDatabase(url: string): Promise<string[]> {
  await ensureDatabase(url);
  const source = new DataSource(dataSourceOptions(url));
  await source.initialize();
  try {
    const applied = await source.runMigrations({ transaction: 'all' });
    return applied.map((migration) => migration.name);
  } finally {
    await source.destroy();
  }
}
