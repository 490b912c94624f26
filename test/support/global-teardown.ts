import { DataSource } from 'typeorm';

/** Drops the run's database unless KEEP_TEST_DATABASE is set (to look at it after a failure). */
export default async function globalTeardown(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url || process.env.KEEP_TEST_DATABASE) return;
  const target = new URL(url);
  const name = target.pathname.slice(1);
  target.pathname = '/postgres';
  const admin = new DataSource({ type: 'postgres', url: target.toString() });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.destroy();
}
