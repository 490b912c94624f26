// globalSetup runs outside jest's module mapper, so it imports by path.
import { migrateDatabase } from '../../libs/persistence/src/data-source.factory';

/** One fresh database per test run, migrated once; every test file then makes its own jurisdiction in it. */
export default async function globalSetup(): Promise<void> {
  const base = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
  const name = `jianyi_test_${Date.now()}_${process.pid}`;
  const url = `${base}/${name}`;
  await migrateDatabase(url);
  process.env.TEST_DATABASE_URL = url;
}
