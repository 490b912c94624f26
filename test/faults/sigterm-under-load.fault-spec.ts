import { DeadlineScheduler } from '@app/deadlines';
import { DeliveryStatus } from '@app/notifications';
import { freePort } from '../../scripts/embedded-postgres';
import { suggestionFixtures } from '../support/suggestion-fixtures';
import { ChannelFaultSystem, startChannelFaultSystem } from './support/channel-fault-system';
import {
  assignedSuggestions, deliveryStates, expectEachKeyArrivedOnce, insertReminderDeadlines, notifyEveryDeputy, providerKey, recordedReminders,
  reminderCounts, waitFor,
} from './support/fault-fixtures';
import { httpJson } from './support/http-client';

const CLIENTS = 8;
/** Enough that reminder jobs are still running when SIGTERM comes: the worker handles them in batches, 300 went by in a blink. */
const REMINDERS = Number(process.env.FAULT_SIGTERM_REMINDERS ?? 3000);
const SHUTDOWN_TIMEOUT_MS = 1_000;
/** Longer than the worker's shutdown grace: sends still running at SIGTERM are released, not awaited. */
const SLOW_PROVIDER_MS = 4_000;

jest.setTimeout(300_000);

describe('SIGTERM under load', () => {
  let faults: ChannelFaultSystem;

  beforeAll(async () => {
    faults = await startChannelFaultSystem({ code: 'fault-sigterm', name: '平稳停机县', deputies: 8, providerDelayMs: SLOW_PROVIDER_MS });
  });

  afterAll(async () => faults?.close());

  it('the api finishes every request it accepted, refuses new connections, and exits 0', async () => {
    const { system, directory } = faults;
    const fixtures = suggestionFixtures(system, directory);
    const ids = await fixtures.newAcceptedSuggestions(CLIENTS);
    const unit = directory.unitIds[6];
    await fixtures.service.batchAssign(await fixtures.user('office'), {
      suggestionIds: ids, assignment: { mode: 'LEAD_WITH_CO_UNITS', leadUnitId: unit, unitIds: [unit] },
    });
    const port = await freePort();
    const api = await faults.spawn('api', { PORT: String(port), DEMO_MODE: 'true', SHUTDOWN_TIMEOUT_MS: '15000' });
    const base = `http://127.0.0.1:${port}`;
    const login = await httpJson(base, 'POST', '/api/auth/demo-login', { body: { jurisdictionCode: directory.code, username: 'jtj-staff' } });
    const token = login.body.accessToken as string;

    // Each client sends events one after another, each on a new connection, tagged with its own request id.
    type Outcome = { requestId: string; sentAt: number; doneAt: number; status?: number; error?: string };
    const outcomes: Outcome[] = [];
    let sigtermAt = Infinity;
    let apiGone = false;
    const load = Promise.all(ids.map(async (id, client) => {
      for (let call = 0; !apiGone; call++) {
        const outcome: Outcome = { requestId: `load-${client}-${call}`, sentAt: Date.now(), doneAt: 0 };
        try {
          const answer = await httpJson(base, 'POST', `/api/suggestions/${id}/events`, {
            token, requestId: outcome.requestId,
            body: { type: 'RECORD_CONTACT', method: 'PHONE', contactedAt: new Date(Date.now() - 60_000).toISOString(), participants: `客户端${client}`, notes: '电话沟通。' },
          });
          outcome.status = answer.status;
        } catch (error) {
          outcome.error = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        outcome.doneAt = Date.now();
        outcomes.push(outcome);
      }
    }));
    await waitFor('events applied under load', async () => outcomes.filter((o) => o.status === 200).length >= 60, { everyMs: 50 });
    sigtermAt = Date.now();
    api.child.kill('SIGTERM');
    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) => api.child.once('exit', (code, signal) => resolve({ code, signal })));
    const stoppedInMs = Date.now() - sigtermAt;
    apiGone = true;
    await load;

    expect(exit).toEqual({ code: 0, signal: null });
    // Answers: events applied, or 503 once draining; never another 5xx (nor any 4xx: each client has its own suggestion).
    const statuses = [...new Set(outcomes.flatMap((o) => (o.status ? [o.status] : [])))];
    expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
    // Requests in flight when SIGTERM came were finished, not cut off.
    const inFlight = outcomes.filter((o) => o.sentAt < sigtermAt && o.doneAt > sigtermAt);
    expect(inFlight.filter((o) => o.status === 200).length).toBeGreaterThan(0);
    // A connection error only for a request the api never accepted: every request it logged got its answer.
    const logged = new Map(
      api.output().split('\n').filter((line) => line.startsWith('{') && line.includes('"msg":"request"'))
        .map((line) => JSON.parse(line) as { requestId: string; status: number }).map((line) => [line.requestId, line.status]),
    );
    const failed = outcomes.filter((o) => o.error);
    expect(failed.filter((o) => logged.has(o.requestId))).toEqual([]);
    expect(failed.filter((o) => o.error !== 'ECONNREFUSED' && o.error !== 'ECONNRESET')).toEqual([]);
    for (const o of outcomes.filter((x) => x.status)) expect([o.requestId, logged.get(o.requestId)]).toEqual([o.requestId, o.status]);
    // Every event the api applied was answered 200: none committed behind a lost answer.
    const [{ applied }] = await system.dataSource.query(
      `SELECT count(*)::int AS applied FROM audit_events WHERE instance_id = ANY($1::uuid[]) AND event_type = 'RECORD_CONTACT'`, [ids],
    );
    expect(applied).toBe(outcomes.filter((o) => o.status === 200).length);
    console.log(
      `api SIGTERM: exit 0 after ${stoppedInMs} ms; ${outcomes.length} requests, ${applied} applied, ${inFlight.length} in flight at SIGTERM, ` +
        `errors ${JSON.stringify(Object.fromEntries(['ECONNREFUSED', 'ECONNRESET'].map((code) => [code, failed.filter((o) => o.error === code).length])))}`,
    );
  });

  it('the worker finishes or releases its running jobs and exits 0; a new worker completes them, each once', async () => {
    const { system, directory, smtp, sms } = faults;
    const grace = { SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) };
    const instanceIds = await assignedSuggestions(system, directory, REMINDERS);
    const first = await faults.spawn('worker', grace);
    // Reminders due in a few seconds, and one message to every deputy by e-mail and SMS through slow providers.
    const remindAt = new Date(Date.now() + 3_000);
    system.clock.set(new Date());
    const deadlines = await insertReminderDeadlines(system.dataSource, { jurisdictionId: directory.jurisdictionId, unitId: directory.unitIds[6], instanceIds, remindAt });
    await system.worker.get(DeadlineScheduler).schedule(deadlines);
    const outboxId = await notifyEveryDeputy(system, directory, '关于停机测试的通知');
    const recorded = () => recordedReminders(system.dataSource, directory.jurisdictionId);
    // A send that arrived lately is still held after the shutdown grace: the worker must release it, not wait.
    const freshlyHeld = () => [...smtp.held(), ...sms.held()].filter((message) => message.heldMs < SLOW_PROVIDER_MS - SHUTDOWN_TIMEOUT_MS - 1_500).map((m) => m.key);
    await waitFor('reminders under way and sends held by the providers', async () => (await recorded()) >= REMINDERS / 5 && freshlyHeld().length > 0, { everyMs: 20 });
    const releasedKeys = freshlyHeld();
    const beforeSigterm = await recorded();
    const sigtermAt = Date.now();
    first.child.kill('SIGTERM');
    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) => first.child.once('exit', (code, signal) => resolve({ code, signal })));
    const stoppedInMs = Date.now() - sigtermAt;
    const atStop = await recorded();

    expect(exit).toEqual({ code: 0, signal: null });
    // The premise: the storm was still under way when SIGTERM came.
    expect(beforeSigterm).toBeLessThan(REMINDERS);
    // Released after the grace, not awaited: the held sends would have taken longer.
    expect(stoppedInMs).toBeLessThan(SLOW_PROVIDER_MS);
    const log = first.output();
    const afterStop = log.slice(log.indexOf('"msg":"stopping"'));
    // Reminder jobs running at SIGTERM finished; the sends the slow providers held were released to the next worker.
    expect(afterStop).toMatch(/"msg":"job done","job":"deadline-remind"/);
    expect(afterStop).toContain('jobs still running at shutdown timeout; releasing them');

    await faults.spawn('worker', grace);
    await waitFor('every reminder recorded', async () => (await recorded()) >= REMINDERS, { timeoutMs: 120_000, everyMs: 500 });
    await waitFor('every message delivered and sent', async () => {
      const [{ pending }] = await system.dataSource.query(
        `SELECT count(*)::int AS pending FROM outbox_messages WHERE jurisdiction_id = $1 AND status <> 'DELIVERED'`, [directory.jurisdictionId],
      );
      const rows = await deliveryStates(system.dataSource, directory.jurisdictionId);
      return pending === 0 && rows.length > 0 && rows.every((d) => d.status === DeliveryStatus.SENT);
    }, { timeoutMs: 120_000, everyMs: 500 });

    const counts = await reminderCounts(system.dataSource, deadlines.map((d) => d.id));
    expect(counts.firings.filter((n) => n !== 1)).toEqual([]);
    expect(counts.outbox.filter((n) => n !== 1)).toEqual([]);
    const rows = await deliveryStates(system.dataSource, directory.jurisdictionId);
    // The message to every deputy, and what the filing in the first test told the deputies who filed.
    expect(rows.filter((d) => d.deliveryKey.startsWith(outboxId))).toHaveLength(2 * directory.deputyIds.length);
    expectEachKeyArrivedOnce(rows, smtp, sms);
    // The released sends had reached the providers without an answer: the next worker sent them again under their key.
    const repeated = [...smtp.repeats.map((mail) => mail.messageId), ...sms.repeats.map((text) => text.outId)];
    expect(releasedKeys.filter((key) => !repeated.includes(key))).toEqual([]);
    expect(repeated.filter((key) => !rows.some((d) => d.attempts > 1 && providerKey(d) === key))).toEqual([]);
    console.log(
      `worker SIGTERM: exit 0 after ${stoppedInMs} ms with ${atStop} of ${REMINDERS} reminders recorded; ` +
        `${smtp.repeats.length + sms.repeats.length} released sends repeated under their key; every reminder and message once`,
    );
  });
});
