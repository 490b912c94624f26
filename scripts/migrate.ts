import 'reflect-metadata';
import { loadConfig, migrateDatabase } from '@app/persistence';

/** Creates the database if needed and applies pending migrations. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const applied = await migrateDatabase(config.DATABASE_URL);
  console.log(applied.length > 0 ? `Applied migrations: ${applied.join(', ')}` : 'Database is up to date');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
