import { seedDirectory } from '../scripts/demo/seed-directory';
import { startTestSystem, TestSystem } from './support/test-system';

/**
 * The public proposal limit counts per client address. Behind a proxy named in TRUST_PROXY the address is the one
 * X-Forwarded-For names; without it the header is ignored, so a client cannot escape the limit by inventing addresses.
 */
describe('client address behind a proxy (TRUST_PROXY)', () => {
  const proposal = (n: number) => ({ title: `第${n}条建议`, description: '建议内容。' });
  const propose = (system: TestSystem, code: string, n: number, forwardedFor: string) =>
    system.http().post(`/api/public/${code}/livelihood-proposals`).set('X-Forwarded-For', forwardedFor).send(proposal(n));
  const proposalsOf = async (system: TestSystem, code: string) =>
    (await system.dataSource.query(
      'SELECT count(*)::int AS n FROM livelihood_proposals p JOIN jurisdictions j ON j.id = p.jurisdiction_id WHERE j.code = $1',
      [code],
    ))[0].n as number;

  it('counts per forwarded address when the proxy is trusted', async () => {
    const system = await startTestSystem({ withWorker: false, env: { TRUST_PROXY: 'loopback' } });
    try {
      await seedDirectory(system.dataSource, { code: 'proxy-trusted', name: '代理县', deputies: 2 });
      for (let n = 1; n <= 5; n++) await propose(system, 'proxy-trusted', n, '203.0.113.7').expect(201);
      const refused = await propose(system, 'proxy-trusted', 6, '203.0.113.7').expect(429);
      expect(refused.body).toMatchObject({ code: 'LIVELIHOOD_PROPOSAL_THROTTLED' });
      // Another client behind the same proxy has its own five.
      await propose(system, 'proxy-trusted', 7, '198.51.100.20').expect(201);
      // The proxy appends the peer it saw: only the last hop it reports counts, not what the client wrote before it.
      await propose(system, 'proxy-trusted', 8, '203.0.113.7, 198.51.100.21').expect(201);
      expect(await proposalsOf(system, 'proxy-trusted')).toBe(7);
    } finally {
      await system.close();
    }
  });

  it('ignores X-Forwarded-For from an untrusted peer', async () => {
    const system = await startTestSystem({ withWorker: false });
    try {
      await seedDirectory(system.dataSource, { code: 'proxy-untrusted', name: '直连县', deputies: 2 });
      // Five different claimed addresses are all the same socket peer.
      for (let n = 1; n <= 5; n++) await propose(system, 'proxy-untrusted', n, `203.0.113.${n}`).expect(201);
      const refused = await propose(system, 'proxy-untrusted', 6, '203.0.113.99').expect(429);
      expect(refused.body).toMatchObject({ code: 'LIVELIHOOD_PROPOSAL_THROTTLED' });
      expect(await proposalsOf(system, 'proxy-untrusted')).toBe(5);
    } finally {
      await system.close();
    }
  });
});
