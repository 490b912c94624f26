import { JurisdictionProfileService } from '@app/accounts';
import { startTestSystem, TestSystem } from './support/test-system';

describe('jurisdiction profiles at start-up', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem({ withWorker: false });
  });

  afterAll(async () => {
    await system.dataSource.query(`DELETE FROM jurisdictions WHERE code = 'bad-profile'`);
    await system.close();
  });

  it('refuses to start with an invalid profile and names the field', async () => {
    await system.dataSource.query(`INSERT INTO jurisdictions (code, name, profile) VALUES ('bad-profile', '错配县', $1)`, [
      { deadlines: { REPLY: { amount: 0, unit: 'MONTHS' } }, reminderOffsetsDays: [7, 7] },
    ]);
    const validation = system.api.get(JurisdictionProfileService).validateAll();
    await expect(validation).rejects.toThrow('jurisdictions[bad-profile].profile.deadlines.REPLY.amount');
  });
});
