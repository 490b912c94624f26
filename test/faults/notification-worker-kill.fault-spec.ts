import { DeliveryStatus } from '@app/notifications';
import { ChannelFaultSystem, startChannelFaultSystem } from './support/channel-fault-system';
import { deliveryStates, expectEachKeyArrivedOnce, notifyEveryDeputy, providerKey, waitFor } from './support/fault-fixtures';

const USERS = Number(process.env.FAULT_NOTIFY_USERS ?? 300);
/** A provider that answers slowly: the worker is killed while some sends have arrived and are not answered yet. */
const PROVIDER_DELAY_MS = 200;

jest.setTimeout(300_000);

describe(`the worker killed (SIGKILL) in the middle of ${USERS} e-mails and ${USERS} SMS`, () => {
  let faults: ChannelFaultSystem;

  beforeAll(async () => {
    faults = await startChannelFaultSystem({ code: 'fault-notify-kill', name: '通知中断县', deputies: USERS, providerDelayMs: PROVIDER_DELAY_MS });
  });

  afterAll(async () => faults?.close());

  it('sends each message once per channel: the cut-off sends go again under their key and the provider drops the repeat', async () => {
    const { system, directory, smtp, sms } = faults;
    const first = await faults.spawn('worker');
    const outboxId = await notifyEveryDeputy(system, directory, '关于全体代表通知的测试');

    const arrived = () => smtp.received.length + sms.received.length;
    await waitFor('the first worker to be part-way, with sends held by the providers', async () =>
      arrived() >= USERS / 2 && smtp.held().length + sms.held().length > 0, { everyMs: 10 });
    // In one synchronous step: what the providers have received and not yet answered, and the kill.
    const heldAtKill = [...smtp.held(), ...sms.held()].map((message) => message.key);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const atKill = arrived();
    const cutOff = (await deliveryStates(system.dataSource, directory.jurisdictionId)).filter((d) => d.status === DeliveryStatus.SENDING);
    expect(atKill).toBeLessThan(2 * USERS);

    await faults.spawn('worker');
    await waitFor('every delivery sent', async () => {
      const rows = await deliveryStates(system.dataSource, directory.jurisdictionId);
      return rows.length === 2 * USERS && rows.every((d) => d.status === DeliveryStatus.SENT);
    }, { timeoutMs: 180_000, everyMs: 500 });

    const rows = await deliveryStates(system.dataSource, directory.jurisdictionId);
    expect(rows).toHaveLength(2 * USERS);
    expectEachKeyArrivedOnce(rows, smtp, sms);

    // The gap, and how it closes: the sends the providers held at the kill had no recorded outcome, so they went
    // again under the same key; only rows cut off in SENDING were tried twice, and only they were repeated.
    const cutOffKeys = new Set(cutOff.map(providerKey));
    const repeated = [...smtp.repeats.map((mail) => mail.messageId), ...sms.repeats.map((text) => text.outId)];
    expect(heldAtKill.length).toBeGreaterThan(0);
    expect(heldAtKill.filter((key) => !repeated.includes(key))).toEqual([]);
    // Beyond those: a send answered just before the kill whose outcome the worker had not committed yet.
    expect(repeated.filter((key) => !cutOffKeys.has(key))).toEqual([]);
    expect(rows.filter((d) => d.attempts > 1).map(providerKey).sort()).toEqual([...cutOffKeys].sort());
    // At most one worker's worth of sends (its concurrency) was in flight.
    expect(cutOff.length).toBeLessThanOrEqual(8);

    // In-app: one notification per deputy, once.
    const [inApp] = await system.dataSource.query(`SELECT count(*)::int AS n, count(DISTINCT user_id)::int AS users FROM notifications WHERE outbox_id = $1`, [outboxId]);
    expect(inApp).toEqual({ n: USERS, users: USERS });
    console.log(
      `notifications: worker killed after ${atKill} of ${2 * USERS} sends arrived; ${cutOff.length} attempts cut off, ` +
        `${repeated.length} of them had reached the provider and were repeated under their key and dropped; all ${2 * USERS} arrived once`,
    );
  });
});
