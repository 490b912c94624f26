import { Pool } from 'pg';
import { BenchSystem, quantile, runConcurrently } from './support/bench-system';
import { profiled } from './support/cpu-profile';
import { inPgTransaction } from './support/pg-transaction';
import { benchHttpClient, expectStatus } from './support/http-client';

const CLIENTS = 16;

export interface ThroughputResult {
  events: number;
  baselinePerSecond: number;
  inProcessPerSecond: number;
  apiPerSecond: number;
  inProcessRatio: number;
  apiRatio: number;
  apiP50Ms: number;
  apiP99Ms: number;
  /** CPU time of this process (user + system) per event: the engine, or the api and its clients, beside pg's client side. */
  baselineCpuMsPerEvent: number;
  inProcessCpuMsPerEvent: number;
  apiCpuMsPerEvent: number;
}

/** Runs `work` and adds the CPU time this process spent meanwhile (ms, user + system). */
export async function withCpu<T extends object>(work: () => Promise<T>): Promise<T & { cpuMs: number }> {
  const before = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(before);
  return { ...result, cpuMs: (used.user + used.system) / 1000 };
}

/** One suggestion per client, filed, accepted and assigned, so each client sends events to its own instance. */
export async function prepare(system: BenchSystem): Promise<{ ids: string[] }> {
  const office = await system.user('office');
  const ids: string[] = [];
  for (let client = 0; client < CLIENTS; client++) {
    const deputy = await system.user(`deputy${String(client + 1).padStart(3, '0')}`);
    const created = await system.service.create(deputy, {
      sessionId: system.directory.sessionId, title: `关于改善第${client + 1}社区公共服务的建议`,
      content: '社区公共服务设施不足，建议统筹规划建设。'.repeat(20), category: '社会建设', duringSession: true, agreesToDisclosure: true,
    });
    await system.service.sendEvent(deputy, created.id, { type: 'SUBMIT' });
    await system.service.sendEvent(office, created.id, { type: 'ACCEPT' });
    ids.push(created.id);
  }
  const [lead, co] = [system.directory.unitIds[6], system.directory.unitIds[5]];
  await system.service.batchAssign(office, { suggestionIds: ids, assignment: { mode: 'LEAD_WITH_CO_UNITS', leadUnitId: lead, unitIds: [lead, co] } });
  return { ids };
}

export const contactEvent = (call: number) => ({
  type: 'RECORD_CONTACT',
  method: 'PHONE',
  contactedAt: new Date(Date.now() - 3_600_000).toISOString(),
  participants: `领衔代表、交通运输局业务科室负责人（第${call}次沟通）`,
  notes: '就增设站点的选址、建设时序和资金安排与代表当面沟通，代表提出了进一步的意见。',
});

/**
 * The floor: per event the same writes the engine makes (read the instance, compare-and-swap it, append the audit
 * entry, update the projection rows), issued with `pg` directly in one transaction.
 */
async function rawSqlEvent(pool: Pool, id: string, call: number): Promise<void> {
  await inPgTransaction(pool, async (client) => {
    const { rows } = await client.query('SELECT snapshot, version, last_event_hash, jurisdiction_id FROM workflow_instances WHERE id = $1', [id]);
    const [row] = rows;
    const snapshot = row.snapshot;
    snapshot.context.assignments[0].contacts += 1;
    const payload = contactEvent(call);
    const updated = await client.query(
      'UPDATE workflow_instances SET snapshot = $2, version = version + 1, last_event_hash = $3, updated_at = now() WHERE id = $1 AND version = $4',
      [id, snapshot, `h${call}`, row.version],
    );
    if (updated.rowCount !== 1) throw new Error('conflict');
    await client.query(
      `INSERT INTO audit_events (jurisdiction_id, workflow, instance_id, seq, actor_user_id, actor_roles, event_type, from_state, to_state, payload, reason, at, prev_hash, hash)
       VALUES ($1, 'suggestion', $2, $3, 'bench', '{UNIT_STAFF}', 'RECORD_CONTACT', 'inProgress', 'inProgress', $4, null, now(), $5, $6)`,
      [row.jurisdiction_id, id, row.version + 1, payload, row.last_event_hash, `h${call}`],
    );
    await client.query(
      `UPDATE suggestions SET state = 'inProgress', round = 1, classification = null, overdue = false, is_key = false, key_state = 'none',
              disclosure_state = 'notDue', updated_at = now() WHERE id = $1 AND jurisdiction_id = $2`,
      [id, row.jurisdiction_id],
    );
    const assignment = snapshot.context.assignments[0];
    await client.query(
      `INSERT INTO assignments (suggestion_id, unit_id, round, jurisdiction_id, role, acknowledged, adjustment_requested, contacts, opinion_given, reply_due_at, overdue, classification, active, assigned_at)
       VALUES ($1, $2, $3, $4, $5, false, false, $6, false, $7, false, null, true, now())
       ON CONFLICT (suggestion_id, unit_id, round) DO UPDATE SET contacts = EXCLUDED.contacts`,
      [id, assignment.unitId, assignment.round, row.jurisdiction_id, assignment.role, assignment.contacts, assignment.replyDueAt],
    );
  });
}

interface Phase {
  name: string;
  task: (client: number, call: number) => Promise<void>;
  seconds: number;
  cpuMs: number;
  latencies: number[];
}

/**
 * Benchmark 1. The three ways are measured in interleaved rounds (raw SQL, in-process, HTTP, then again), so a load
 * that other jobs put on the machine meanwhile weighs on all three alike rather than on whichever ran at that moment.
 */
export async function benchEventThroughput(system: BenchSystem, events: number, rounds = 5): Promise<ThroughputResult> {
  const { ids } = await prepare(system);
  const staff = await system.user('jtj-staff');
  const pool = new Pool({ connectionString: system.config.DATABASE_URL, max: 20 });
  const http = benchHttpClient(system.baseUrl);
  const token = await http.login(system.directory.code, 'jtj-staff');
  const instance = (client: number) => ids[client % ids.length];
  const phase = (name: string, task: Phase['task']): Phase => ({ name, task, seconds: 0, cpuMs: 0, latencies: [] });
  const [baseline, inProcess, overHttp] = [
    phase('events-raw-sql', (client, call) => rawSqlEvent(pool, instance(client), call)),
    phase('events-in-process', (client, call) => system.service.sendEvent(staff, instance(client), contactEvent(call)).then(() => undefined)),
    phase('events-http', async (client, call) => {
      expectStatus(await http.call('POST', `/api/suggestions/${instance(client)}/events`, { token, body: contactEvent(call) }), 200, 'an event');
    }),
  ];
  // Warm every path (JIT, connection pools, caches) before measuring.
  for (const { task } of [baseline, inProcess, overHttp]) await runConcurrently({ clients: CLIENTS, total: 200 }, task);
  for (let round = 0; round < rounds; round++) {
    const total = Math.floor(events / rounds) + (round < events % rounds ? 1 : 0);
    for (const measured of [baseline, inProcess, overHttp]) {
      const run = await withCpu(() => profiled(`${measured.name}-${round + 1}`, () => runConcurrently({ clients: CLIENTS, total }, measured.task)));
      measured.seconds += run.seconds;
      measured.cpuMs += run.cpuMs;
      measured.latencies.push(...run.latencies);
    }
  }
  await pool.end();
  http.close();
  const perSecond = (measured: Phase) => events / measured.seconds;
  const cpuMs = (measured: Phase) => +(measured.cpuMs / events).toFixed(2);
  const latencies = overHttp.latencies.sort((a, b) => a - b);
  return {
    events,
    baselinePerSecond: Math.round(perSecond(baseline)),
    inProcessPerSecond: Math.round(perSecond(inProcess)),
    apiPerSecond: Math.round(perSecond(overHttp)),
    inProcessRatio: +(perSecond(inProcess) / perSecond(baseline)).toFixed(2),
    apiRatio: +(perSecond(overHttp) / perSecond(baseline)).toFixed(2),
    apiP50Ms: +quantile(latencies, 0.5).toFixed(1),
    apiP99Ms: +quantile(latencies, 0.99).toFixed(1),
    baselineCpuMsPerEvent: cpuMs(baseline),
    inProcessCpuMsPerEvent: cpuMs(inProcess),
    apiCpuMsPerEvent: cpuMs(overHttp),
  };
}
