import { dueJobId, reminderJobId } from '@app/deadlines';
import { QueueName, QueueService } from '@app/persistence';
import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { actorsOf } from './support/actors';
import { endOpenDeadlines, suggestionFixtures } from './support/suggestion-fixtures';
import { startTestSystem, TestSystem } from './support/test-system';

const DAY_MS = 86_400_000;
const BATCH_SIZE = 300;
const REPLIED_EARLY = 100;
const OFFSETS = [30, 7, 1];

describe('a batch of 300 suggestions assigned at one assignment meeting', () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let fixtures: ReturnType<typeof suggestionFixtures>;
  let ids: string[];
  let leadUnit: string;
  let coUnit: string;
  let replyDueAt: Date;
  /** suggestion id → its REPLY deadline row id */
  let replyDeadlineOf: Map<string, string>;
  let replied: string[];
  let unanswered: string[];

  const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => system.dataSource.query(sql, params) as Promise<T[]>;
  const settle = async () => {
    await system.reconcile();
    await system.drainQueues();
  };
  const at = (instant: number) => system.clock.set(new Date(instant));

  /** The outbox's REPLY reminders for one offset. */
  const replyReminders = async (offsetDays: number) =>
    query<{ instanceId: string; dedupeKey: string; recipients: unknown }>(
      `SELECT instance_id AS "instanceId", dedupe_key AS "dedupeKey", recipients FROM outbox_messages
        WHERE jurisdiction_id = $1 AND template = 'DEADLINE_REMINDER' AND data->>'deadlineKind' = 'REPLY' AND (data->>'days')::int = $2`,
      [directory.jurisdictionId, offsetDays],
    );
  const notificationCount = async (username: string, template: string, offsetDays?: number) => {
    const [row] = await query<{ count: string; suggestions: string }>(
      `SELECT count(*) AS count, count(DISTINCT instance_id) AS suggestions FROM notifications
        WHERE user_id = $1 AND template = $2 AND ($3::int IS NULL OR (data->>'days')::int = $3)
          AND ($2 <> 'DEADLINE_REMINDER' OR data->>'deadlineKind' = 'REPLY')`,
      [directory.users[username], template, offsetDays ?? null],
    );
    return { count: Number(row.count), suggestions: Number(row.suggestions) };
  };
  const totals = async () =>
    (
      await query(
        `SELECT (SELECT count(*) FROM audit_events WHERE jurisdiction_id = $1) AS audit,
                (SELECT count(*) FROM outbox_messages WHERE jurisdiction_id = $1) AS outbox,
                (SELECT count(*) FROM notifications WHERE jurisdiction_id = $1) AS notifications,
                (SELECT count(*) FROM deadline_firings f JOIN deadlines d ON d.id = f.deadline_id WHERE d.jurisdiction_id = $1) AS firings`,
        [directory.jurisdictionId],
      )
    )[0];
  /** What BullMQ does when a delayed job's time comes (or it is delivered again): runs it now, on the worker. */
  const fireQueuedJobs = async (jobIds: string[]) => {
    const queue = system.worker.get(QueueService).queue(QueueName.DEADLINES);
    let fired = 0;
    for (const jobId of jobIds) {
      const job = await queue.getJob(jobId);
      if (job && (await job.isDelayed())) {
        await job.promote();
        fired++;
      }
    }
    await system.drainQueues();
    return fired;
  };

  beforeAll(async () => {
    system = await startTestSystem();
    directory = await seedDirectory(system.dataSource, { code: 'batch300', name: '批量交办县' });
    fixtures = suggestionFixtures(system, directory);
    [leadUnit, coUnit] = [directory.unitIds[6], directory.unitIds[5]];
  });

  afterAll(async () => {
    if (!system) return;
    await endOpenDeadlines(system, directory.jurisdictionId);
    await system.close();
  });

  it('files and accepts 300 session suggestions', async () => {
    const started = Date.now();
    ids = await fixtures.newAcceptedSuggestions(BATCH_SIZE);
    console.log(`filed, submitted and accepted ${BATCH_SIZE} suggestions in ${Date.now() - started} ms`);
    const [row] = await query<{ count: string }>(
      `SELECT count(*) AS count FROM suggestions WHERE jurisdiction_id = $1 AND state = 'awaitingAssignment'`,
      [directory.jurisdictionId],
    );
    expect(Number(row.count)).toBe(BATCH_SIZE);
  });

  it('assigns all 300 in one request, and they share one reply deadline', async () => {
    const office = await actorsOf(system, directory.code)('office');
    const started = performance.now();
    const response = await office.post('/api/suggestions/batch-assign', {
      suggestionIds: ids,
      assignment: { mode: 'LEAD_WITH_CO_UNITS', leadUnitId: leadUnit, unitIds: [leadUnit, coUnit] },
    });
    const elapsed = performance.now() - started;
    console.log(`POST /api/suggestions/batch-assign with ${BATCH_SIZE} suggestions took ${elapsed.toFixed(0)} ms`);
    expect(response.status).toBe(200);
    expect(response.body.assigned).toBe(BATCH_SIZE);

    const rows = await query<{ instanceId: string; id: string; dueAt: Date; unitId: string }>(
      `SELECT instance_id AS "instanceId", id, due_at AS "dueAt", unit_id AS "unitId" FROM deadlines
        WHERE jurisdiction_id = $1 AND kind = 'REPLY' AND status = 'OPEN'`,
      [directory.jurisdictionId],
    );
    expect(rows).toHaveLength(BATCH_SIZE);
    expect(new Set(rows.map((r) => r.instanceId))).toEqual(new Set(ids));
    expect(new Set(rows.map((r) => r.dueAt.toISOString())).size).toBe(1);
    expect(new Set(rows.map((r) => r.unitId))).toEqual(new Set([leadUnit]));
    replyDueAt = rows[0].dueAt;
    // Assigned 2026-03-10 (Beijing time): three months later, to the end of that local day.
    expect(replyDueAt.toISOString()).toBe('2026-06-10T15:59:59.999Z');
    replyDeadlineOf = new Map(rows.map((r) => [r.instanceId, r.id]));
    replied = ids.slice(0, REPLIED_EARLY);
    unanswered = ids.slice(REPLIED_EARLY);

    // Every reminder and the due moment wait in Redis as delayed jobs.
    const queue = system.worker.get(QueueService).queue(QueueName.DEADLINES);
    for (const deadlineId of replyDeadlineOf.values()) {
      for (const jobId of [dueJobId(deadlineId), ...OFFSETS.map((offset) => reminderJobId(deadlineId, offset))]) {
        expect(await (await queue.getJob(jobId))?.isDelayed()).toBe(true);
      }
    }
  });

  it('lets both units acknowledge and the co-unit send its opinion on all 300 within their windows', async () => {
    at(system.clock.now().getTime() + 2 * DAY_MS);
    const started = Date.now();
    await fixtures.sendToAll('jtj-staff', ids, { type: 'ACKNOWLEDGE' });
    await fixtures.sendToAll('zjj-staff', ids, { type: 'ACKNOWLEDGE' });
    await fixtures.sendToAll('zjj-staff', ids, { type: 'SUBMIT_OPINION', text: '同意牵头单位的处理意见。' });
    console.log(`acknowledged twice and sent ${BATCH_SIZE} co-unit opinions in ${Date.now() - started} ms`);
    const open = await query<{ kind: string; count: string }>(
      `SELECT kind, count(*) AS count FROM deadlines WHERE jurisdiction_id = $1 AND status = 'OPEN' GROUP BY kind`,
      [directory.jurisdictionId],
    );
    // Only the lead unit's reply is still due.
    expect(open).toEqual([{ kind: 'REPLY', count: String(BATCH_SIZE) }]);
  });

  it('sends the 30-day reminder once per deadline, however often reconcile runs and the job is delivered', async () => {
    at(replyDueAt.getTime() - 30 * DAY_MS + 60_000);
    const started = Date.now();
    await settle();
    console.log(`reconcile at the 30-day reminder took ${Date.now() - started} ms`);
    await expectOneReminderPerDeadline(30, ids);

    await settle();
    expect(await fireQueuedJobs(ids.map((id) => reminderJobId(replyDeadlineOf.get(id)!, 30)))).toBe(BATCH_SIZE);
    await expectOneReminderPerDeadline(30, ids);
  });

  it('sends the 7-day reminder from the queued jobs, and reconcile then finds nothing left to fire', async () => {
    at(replyDueAt.getTime() - 7 * DAY_MS + 60_000);
    expect(await fireQueuedJobs(ids.map((id) => reminderJobId(replyDeadlineOf.get(id)!, 7)))).toBe(BATCH_SIZE);
    await expectOneReminderPerDeadline(7, ids);
    const before = await totals();
    await settle();
    expect(await totals()).toEqual(before);
  });

  it('sends the 1-day reminder only for deadlines still open', async () => {
    const contactedAt = new Date(system.clock.now().getTime() - 3_600_000).toISOString();
    await fixtures.replyAsLeadUnit('jtj-staff', replied, { contactedAt });
    const closed = await query<{ status: string; count: string }>(
      `SELECT status, count(*) AS count FROM deadlines WHERE id = ANY($1::uuid[]) GROUP BY status`,
      [replied.map((id) => replyDeadlineOf.get(id))],
    );
    expect(closed).toEqual([{ status: 'CLOSED', count: String(REPLIED_EARLY) }]);
    // Closing a deadline takes its jobs out of Redis.
    const queue = system.worker.get(QueueService).queue(QueueName.DEADLINES);
    for (const id of replied) {
      const deadlineId = replyDeadlineOf.get(id)!;
      expect([await queue.getJob(reminderJobId(deadlineId, 1)), await queue.getJob(dueJobId(deadlineId))]).toEqual([undefined, undefined]);
    }
    const replies = await query<{ onTime: boolean; count: string }>(
      `SELECT on_time AS "onTime", count(*) AS count FROM replies WHERE jurisdiction_id = $1 GROUP BY on_time`,
      [directory.jurisdictionId],
    );
    expect(replies).toEqual([{ onTime: true, count: String(REPLIED_EARLY) }]);

    at(replyDueAt.getTime() - 1 * DAY_MS + 60_000);
    await settle();
    await settle();
    await expectOneReminderPerDeadline(1, unanswered);
  });

  it('escalates exactly the 200 unanswered suggestions once the reply deadline passes', async () => {
    at(replyDueAt.getTime() + 60_000);
    const started = Date.now();
    await settle();
    console.log(`reconcile at the reply due date (${BATCH_SIZE - REPLIED_EARLY} escalations) took ${Date.now() - started} ms`);

    const passed = await query<{ instanceId: string }>(
      `SELECT instance_id AS "instanceId" FROM audit_events
        WHERE jurisdiction_id = $1 AND event_type = 'DEADLINE_PASSED' AND payload->>'deadlineKey' = $2`,
      [directory.jurisdictionId, `REPLY_${leadUnit}`],
    );
    expect(passed).toHaveLength(unanswered.length);
    expect(new Set(passed.map((p) => p.instanceId))).toEqual(new Set(unanswered));

    const overdue = await query<{ instanceId: string; recipients: unknown }>(
      `SELECT instance_id AS "instanceId", recipients FROM outbox_messages WHERE jurisdiction_id = $1 AND template = 'OVERDUE'`,
      [directory.jurisdictionId],
    );
    expect(overdue).toHaveLength(unanswered.length);
    expect(new Set(overdue.map((o) => o.instanceId))).toEqual(new Set(unanswered));
    for (const message of overdue) expect(message.recipients).toEqual([{ kind: 'OFFICE' }]);
    expect(await notificationCount('office', 'OVERDUE')).toEqual({ count: unanswered.length, suggestions: unanswered.length });

    const statuses = await query<{ status: string; count: string }>(
      `SELECT status, count(*) AS count FROM deadlines WHERE id = ANY($1::uuid[]) GROUP BY status ORDER BY status`,
      [[...replyDeadlineOf.values()]],
    );
    expect(statuses).toEqual([
      { status: 'CLOSED', count: String(REPLIED_EARLY) },
      { status: 'PASSED', count: String(BATCH_SIZE - REPLIED_EARLY) },
    ]);
  });

  it('adds nothing when reconcile runs again, and no job of a passed deadline is left to fire', async () => {
    const before = await totals();
    await settle();
    await settle();
    expect(await totals()).toEqual(before);
    // Passing a deadline takes its delayed jobs out of Redis, as closing one does.
    expect(await fireQueuedJobs([...replyDeadlineOf.values()].flatMap((id) => [dueJobId(id), ...OFFSETS.map((o) => reminderJobId(id, o))]))).toBe(0);
    expect(await totals()).toEqual(before);
  });

  it('lists exactly the 200 unanswered suggestions as overdue', async () => {
    const office = await actorsOf(system, directory.code)('office');
    const response = await office.get(`/api/suggestions?overdue=true&sessionId=${directory.sessionId}&pageSize=200`).expect(200);
    expect(response.body.total).toBe(unanswered.length);
    expect(new Set(response.body.items.map((s: { id: string }) => s.id))).toEqual(new Set(unanswered));
    const onTime = await office.get(`/api/suggestions?overdue=false&sessionId=${directory.sessionId}&pageSize=200`).expect(200);
    expect(onTime.body.total).toBe(REPLIED_EARLY);
  });

  async function expectOneReminderPerDeadline(offsetDays: number, expected: string[]): Promise<void> {
    const reminders = await replyReminders(offsetDays);
    expect(reminders).toHaveLength(expected.length);
    expect(new Set(reminders.map((r) => r.instanceId))).toEqual(new Set(expected));
    expect(new Set(reminders.map((r) => r.dedupeKey))).toEqual(
      new Set(expected.map((id) => `reminder_${replyDeadlineOf.get(id)}_${offsetDays}`)),
    );
    for (const reminder of reminders) expect(reminder.recipients).toEqual([{ kind: 'UNIT', id: leadUnit }]);
    // Every user of the lead unit gets one notification per deadline; the co-unit has no reply deadline.
    for (const username of ['jtj-staff', 'jtj-head']) {
      expect(await notificationCount(username, 'DEADLINE_REMINDER', offsetDays)).toEqual({ count: expected.length, suggestions: expected.length });
    }
    expect((await notificationCount('zjj-staff', 'DEADLINE_REMINDER', offsetDays)).count).toBe(0);
  }
});
