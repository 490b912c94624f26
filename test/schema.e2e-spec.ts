import { startTestSystem, TestSystem } from './support/test-system';

describe('database schema', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem({ withWorker: false });
  });

  afterAll(async () => system.close());

  it('is exactly what the entities describe once the migrations ran (no drift)', async () => {
    const pending = await system.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('has no migration left to run', async () => {
    expect(await system.dataSource.showMigrations()).toBe(false);
  });
});
