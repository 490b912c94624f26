import { DeliveryStatus, SendNotificationJob, SweepNotificationsJob } from '@app/notifications';
import { JobOutcome } from '@app/persistence';
import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { actorsOf } from './support/actors';
import { countBy, startSmsStandIn, startSmtpStandIn } from './support/channel-stand-ins';
import { endOpenDeadlines, suggestionFixtures } from './support/suggestion-fixtures';
import { startTestSystem, TestSystem } from './support/test-system';

const CODE = 'notify-channels';
const FAILING_PHONE = '13900000000';

describe('notifications over e-mail and SMS', () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let as: ReturnType<typeof actorsOf>;
  let smtp: Awaited<ReturnType<typeof startSmtpStandIn>>;
  let sms: Awaited<ReturnType<typeof startSmsStandIn>>;

  const deliveries = async () =>
    system.dataSource.query(
      `SELECT d.id, d.channel, d.status, d.attempts, d.delivery_key AS "deliveryKey", d.last_error AS "lastError", u.username
         FROM notification_deliveries d JOIN users u ON u.id = d.user_id WHERE d.jurisdiction_id = $1`,
      [directory.jurisdictionId],
    ) as Promise<Array<{ id: string; channel: string; status: DeliveryStatus; attempts: number; deliveryKey: string; lastError: string | null; username: string }>>;

  /** Until no delivery is waiting for a send or a retry. */
  const settle = async () => {
    for (let round = 0; round < 300; round++) {
      await system.drainQueues();
      const open = (await deliveries()).filter((d) => d.status === DeliveryStatus.PENDING || d.status === DeliveryStatus.SENDING);
      if (open.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('deliveries did not settle');
  };

  beforeAll(async () => {
    [smtp, sms] = await Promise.all([startSmtpStandIn(), startSmsStandIn({ failFor: [FAILING_PHONE] })]);
    system = await startTestSystem({
      env: {
        SMTP_URL: smtp.url, MAIL_FROM: 'jianyi@renda.example.cn', SMS_GATEWAY_URL: sms.url, SMS_GATEWAY_KEY: 'key-1', SMS_GATEWAY_SECRET: 'secret-1',
        SMS_TEMPLATE_ID: 'SMS_100001', SMS_SIGN_NAME: '示例县人大', PUBLIC_URL: 'https://jy.example.cn', NOTIFY_MAX_ATTEMPTS: '3', NOTIFY_BACKOFF_MS: '20',
      },
    });
    directory = await seedDirectory(system.dataSource, { code: CODE, name: '通知县', deputies: 6 });
    as = actorsOf(system, CODE);
  });

  afterAll(async () => {
    await endOpenDeadlines(system, directory.jurisdictionId);
    await system.close();
    await Promise.all([smtp.close(), sms.close()]);
  });

  it('validates channel choices: an address is required for each chosen channel', async () => {
    const deputy = await as('deputy001');
    const missing = await deputy.put('/api/notifications/preferences', { channels: ['EMAIL'] });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: 'email', reason: 'is required to receive e-mail' }]);
    const badPhone = await deputy.put('/api/notifications/preferences', { channels: ['SMS'], phone: '12345' });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.errors[0].field).toBe('phone');
    expect((await deputy.get('/api/notifications/preferences').expect(200)).body).toEqual({
      channels: [], email: null, phone: null, digest: false, available: ['EMAIL', 'SMS'],
    });
  });

  it('sends each message once per channel, retries a failing channel and records it failed without blocking the others', async () => {
    await (await as('deputy001')).put('/api/notifications/preferences', { channels: ['EMAIL', 'SMS'], email: 'd1@example.cn', phone: '13800000001' }).expect(200);
    await (await as('deputy002')).put('/api/notifications/preferences', { channels: ['SMS'], phone: '13800000002' }).expect(200);
    // The office's phone is refused by the gateway every time; its e-mail works.
    await (await as('office')).put('/api/notifications/preferences', { channels: ['EMAIL', 'SMS'], email: 'office@example.cn', phone: FAILING_PHONE }).expect(200);

    const fixtures = suggestionFixtures(system, directory);
    const ids = await fixtures.newAcceptedSuggestions(6, { concurrency: 3 });
    await settle();

    const rows = await deliveries();
    const sent = rows.filter((d) => d.status === DeliveryStatus.SENT);
    const failed = rows.filter((d) => d.status === DeliveryStatus.FAILED);
    // Office: 6 SUBMITTED by e-mail (sent) and by SMS (failed after 3 tries). Deputy001 and 002 each filed some.
    expect(failed).toHaveLength(6);
    expect(failed.every((d) => d.username === 'office' && d.channel === 'SMS' && d.attempts === 3 && /500/.test(d.lastError ?? ''))).toBe(true);
    expect(sms.rejected).toHaveLength(18);
    expect(rows.filter((d) => d.username === 'office' && d.channel === 'EMAIL').every((d) => d.status === DeliveryStatus.SENT)).toBe(true);

    // Exactly once: every sent delivery arrived once, under its own key; nothing arrived that was not recorded.
    const mailCounts = countBy(smtp.received, (mail) => mail.messageId);
    const smsCounts = countBy(sms.received, (message) => message.outId);
    for (const delivery of sent) {
      const count = delivery.channel === 'EMAIL' ? mailCounts.get(`<${delivery.deliveryKey}@jianyi>`) : smsCounts.get(delivery.deliveryKey);
      expect([delivery.deliveryKey, count]).toEqual([delivery.deliveryKey, 1]);
    }
    expect(smtp.received.length + sms.received.length).toBe(sent.length);

    // The messages carry number, title, link; the gateway gets template id, params, credentials.
    const accepted = sms.received.find((message) => message.params.event === '建议已立案');
    expect(accepted).toEqual(expect.objectContaining({ templateId: 'SMS_100001', authorization: `Basic ${Buffer.from('key-1:secret-1').toString('base64')}` }));
    expect(accepted?.params.number).toMatch(/\d/);
    expect(accepted?.params.link).toMatch(/^https:\/\/jy\.example\.cn\/suggestions\/[0-9a-f-]{36}$/);
    // Quoted-printable body: soft line breaks removed before reading.
    expect(smtp.received.find((mail) => mail.to === 'd1@example.cn')?.raw.replace(/=\r?\n/g, '')).toContain('jy.example.cn/suggestions/');

    // The workflow went on regardless: every suggestion was accepted.
    const states = await Promise.all(ids.map(async (id) => (await (await as('office')).get(`/api/suggestions/${id}`).expect(200)).body.state));
    expect(states.every((state) => state !== 'review')).toBe(true);

    // Running a send again (a redelivered job, the sweeper) sends nothing more.
    const job = system.worker.get(SendNotificationJob);
    expect(await job.handle({ deliveryId: sent[0].id })).toBe(JobOutcome.SKIPPED);
    expect(await job.handle({ deliveryId: failed[0].id })).toBe(JobOutcome.SKIPPED);
    expect(smtp.received.length + sms.received.length).toBe(sent.length);

    // The office sees what failed; others may not look.
    const shown = await (await as('office')).get('/api/notifications/deliveries?status=FAILED').expect(200);
    expect(shown.body.total).toBe(6);
    expect(shown.body.items[0]).toEqual(expect.objectContaining({ channel: 'SMS', status: 'FAILED', attempts: 3, address: FAILING_PHONE }));
    expect((await (await as('deputy001')).get('/api/notifications/deliveries')).status).toBe(403);
    expect((await (await as('office')).get('/api/notifications/deliveries?status=LOST')).status).toBe(400);
  });

  it('holds messages for a daily digest and sends one message from DIGEST_HOUR', async () => {
    const deputy = await as('deputy003');
    await deputy.put('/api/notifications/preferences', { channels: ['EMAIL'], email: 'd3@example.cn', digest: true }).expect(200);
    const fixtures = suggestionFixtures(system, directory);
    const id = (await fixtures.service.create(await fixtures.user('deputy003'), {
      sessionId: directory.sessionId, title: '关于汇总通知的建议', content: '内容。', category: '其他', duringSession: true, agreesToDisclosure: true,
    })).id;
    await fixtures.send('deputy003', id, { type: 'SUBMIT' });
    await fixtures.send('office', id, { type: 'ACCEPT' });
    await settle();
    const held = (await deliveries()).filter((d) => d.username === 'deputy003');
    expect(held.map((d) => d.status)).toEqual([DeliveryStatus.DIGEST]);
    expect(smtp.received.filter((mail) => mail.to === 'd3@example.cn')).toHaveLength(0);

    // 07:00 in Shanghai: not yet; 08:00: one digest, once.
    const sweeper = system.worker.get(SweepNotificationsJob);
    system.clock.set(new Date('2026-03-10T23:00:00Z'));
    expect((await sweeper.runOnce()).digests).toBe(0);
    system.clock.set(new Date('2026-03-11T00:05:00Z'));
    expect((await sweeper.runOnce()).digests).toBe(1);
    expect((await sweeper.runOnce()).digests).toBe(0);
    await settle();
    const digests = smtp.received.filter((mail) => mail.to === 'd3@example.cn');
    expect(digests).toHaveLength(1);
    expect(digests[0].raw).toContain('digest_');
    expect((await deliveries()).filter((d) => d.username === 'deputy003').map((d) => d.status).sort()).toEqual([DeliveryStatus.BUNDLED, DeliveryStatus.SENT]);
  });
});
