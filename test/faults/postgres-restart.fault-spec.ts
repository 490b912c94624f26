import { migrateDatabase } from '@app/persistence';
import { seedDirectory, SeededDirectory } from '../../scripts/demo/seed-directory';
import { actorsOf } from '../support/actors';
import { suggestionFixtures } from '../support/suggestion-fixtures';
import { startTestSystem, TestSystem } from '../support/test-system';
import { waitFor } from './support/fault-fixtures';
import { PrivatePostgres } from './support/private-postgres';

const CLIENTS = 8;

jest.setTimeout(300_000);

/**
 * A PostgreSQL of this test's own (the system binaries: initdb in a temporary folder, a free port) is stopped
 * and started under load, so the machine's shared server is never touched.
 */
describe('PostgreSQL restarted during load', () => {
  let postgres: PrivatePostgres;
  let system: TestSystem;
  let directory: SeededDirectory;
  let ids: string[];

  beforeAll(async () => {
    postgres = await PrivatePostgres.create();
    await postgres.start();
    await postgres.createDatabase('jianyi_fault');
    const url = postgres.url('jianyi_fault');
    await migrateDatabase(url);
    const shared = process.env.TEST_DATABASE_URL;
    process.env.TEST_DATABASE_URL = url;
    try {
      system = await startTestSystem({ now: new Date(), withWorker: false });
    } finally {
      process.env.TEST_DATABASE_URL = shared;
    }
    directory = await seedDirectory(system.dataSource, { code: 'fault-pg', name: '断库县', deputies: 4 });
    const fixtures = suggestionFixtures(system, directory);
    ids = await fixtures.newAcceptedSuggestions(CLIENTS);
    const unit = directory.unitIds[6];
    await fixtures.service.batchAssign(await fixtures.user('office'), {
      suggestionIds: ids, assignment: { mode: 'LEAD_WITH_CO_UNITS', leadUnitId: unit, unitIds: [unit] },
    });
  });

  afterAll(async () => {
    await system?.close().catch(() => undefined);
    await postgres?.destroy();
  });

  it('answers 503 while the database is down, applies no event by halves and recovers without a restart', async () => {
    const staff = await actorsOf(system, 'fault-pg')('jtj-staff');
    const statuses = new Map<number, number>();
    const phases: Record<'before' | 'down' | 'after', number[]> = { before: [], down: [], after: [] };
    let phase: keyof typeof phases = 'before';
    let running = true;
    const load = Promise.all(
      ids.map(async (id, client) => {
        for (let call = 0; running; call++) {
          const response = await staff.post(`/api/suggestions/${id}/events`, {
            type: 'RECORD_CONTACT', method: 'PHONE', contactedAt: new Date(Date.now() - 60_000).toISOString(),
            participants: `客户端${client}第${call}次`, notes: '电话沟通办理进展。',
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          phases[phase].push(response.status);
          if (response.status >= 500 && response.body?.code !== 'DATABASE_UNAVAILABLE') throw new Error(`unexpected ${response.status} ${JSON.stringify(response.body)}`);
          if (response.status === 503) await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }),
    );
    await waitFor('events applied before the restart', async () => phases.before.filter((s) => s === 200).length >= 40, { everyMs: 50 });
    phase = 'down';
    await postgres.stop();
    await waitFor('503s while the database is down', async () => phases.down.filter((s) => s === 503).length >= 20, { everyMs: 50 });
    await postgres.start();
    phase = 'after';
    await waitFor('events applied again after the restart', async () => phases.after.filter((s) => s === 200).length >= 40, { timeoutMs: 60_000, everyMs: 100 });
    running = false;
    await load;

    expect([...statuses.keys()].filter((status) => ![200, 503].includes(status))).toEqual([]);
    expect(phases.down.filter((s) => s === 503).length).toBeGreaterThanOrEqual(20);
    // Health reports the database again, from the same process.
    expect((await system.http().get('/api/health')).status).toBe(200);

    // Every instance's version is its audit length, the chain's contacts match the audit, and the projection matches both.
    const rows: Array<{ id: string; version: number; audited: number; contacts: number; projected: number; maxSeq: number }> = await system.dataSource.query(
      `SELECT wi.id, wi.version,
              (SELECT count(*)::int FROM audit_events a WHERE a.instance_id = wi.id) AS audited,
              (SELECT max(seq)::int FROM audit_events a WHERE a.instance_id = wi.id) AS "maxSeq",
              (SELECT count(*)::int FROM audit_events a WHERE a.instance_id = wi.id AND a.event_type = 'RECORD_CONTACT') AS contacts,
              (SELECT sum(contacts)::int FROM assignments x WHERE x.suggestion_id = wi.id) AS projected
         FROM workflow_instances wi WHERE wi.id = ANY($1::uuid[])`,
      [ids],
    );
    for (const row of rows) {
      expect({ id: row.id, audited: row.audited, maxSeq: row.maxSeq, projected: row.projected }).toEqual({
        id: row.id, audited: row.version, maxSeq: row.version, projected: row.contacts,
      });
    }
    const applied = rows.reduce((sum, row) => sum + row.contacts, 0);
    // An answer lost with the connection may hide a commit, never the other way round.
    expect(applied).toBeGreaterThanOrEqual(statuses.get(200) ?? 0);
    console.log(`PostgreSQL restart: ${JSON.stringify(Object.fromEntries(statuses))}; ${applied} events applied`);
  });
});
