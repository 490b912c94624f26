import { ChildProcess } from 'node:child_process';
import { Pool } from 'pg';
import { AppConfig } from '@app/persistence';
import { BenchSystem, quantile, runConcurrently } from './support/bench-system';
import { profiled } from './support/cpu-profile';
import { inPgTransaction } from './support/pg-transaction';
import { benchHttpClient } from './support/http-client';
import { contactEvent } from './support/event-payloads';
import { HttpLoadGenerator, startHttpLoadGenerator } from './support/http-load';
import { freePort, processCpuMs, startApp, stopApp } from './support/app-process';

export { contactEvent };

const CLIENTS = 16;
const API_COPIES = 2;

export interface ThroughputResult {
  events: number;
  baselinePerSecond: number;
  inProcessPerSecond: number;
  apiPerSecond: number;
  inProcessRatio: number;
  apiRatio: number;
  apiP50Ms: number;
  apiP99Ms: number;
  /** CPU time of this process (user + system) per event: `pg`'s client side, the engine, or the api (its clients run elsewhere). */
  baselineCpuMsPerEvent: number;
  inProcessCpuMsPerEvent: number;
  apiCpuMsPerEvent: number;
  /** CPU of the HTTP load generator's own process per event (not counted in apiCpuMsPerEvent). */
  apiClientCpuMsPerEvent: number;
  /** CPU of the PostgreSQL backends per event: raw / in-process / HTTP. */
  dbCpuMsPerEvent: string;
  /** The same HTTP load spread over two api processes as deployed (client % 2, as a load balancer would). */
  twoApisPerSecond: number;
  twoApisRatio: number;
  twoApisP50Ms: number;
  twoApisP99Ms: number;
  /** CPU of both api processes together (user + system, from /proc) per event. */
  twoApisCpuMsPerEvent: number;
}

/** CPU time (ms, user + system) this process has used so far. */
function thisProcessCpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
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
  /** Runs `total` events from CLIENTS concurrent clients; `clientCpuMs` is what a separate load generator spent. */
  run: (total: number) => Promise<{ seconds: number; latencies: number[]; clientCpuMs?: number }>;
  /** CPU (ms) used so far by what serves the events: this process, or the api processes started for the phase. */
  serverCpuMs: () => number;
  seconds: number;
  cpuMs: number;
  clientCpuMs: number;
  dbCpuMs: number;
  latencies: number[];
}

/**
 * CPU time (ms) the PostgreSQL backends serving this database have used so far, read from /proc; null where the
 * server is not local. Half of an event's CPU is spent there, so a way that is cheap in Node can still be dear.
 */
async function databaseCpuMs(pool: Pool): Promise<number | null> {
  const { rows } = await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  let ms = 0;
  for (const { pid } of rows) {
    const used = processCpuMs(pid);
    if (used === null) return null;
    ms += used;
  }
  return ms;
}

/** The bench's own config as environment variables, so a spawned api signs and checks tokens as the in-process one does. */
function configAsEnv(config: AppConfig): Record<string, string> {
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]));
}

/**
 * Starts API_COPIES api processes as deployed (same database, config and log level as the in-process api, their own
 * queue prefix), pushing each into `started` as soon as it runs so the caller's `finally` stops it whatever fails later.
 */
async function startApiCopies(config: AppConfig, started: ChildProcess[]): Promise<string[]> {
  const baseUrls: string[] = [];
  for (let copy = 0; copy < API_COPIES; copy++) {
    const port = await freePort();
    const env = { ...configAsEnv(config), QUEUE_PREFIX: `${config.QUEUE_PREFIX}-copies`, HOST: '127.0.0.1', PORT: String(port) };
    started.push(await startApp('api', env));
    baseUrls.push(`http://127.0.0.1:${port}`);
  }
  return baseUrls;
}

/** CPU (ms) the given processes have used so far together; NaN once one is gone. */
function processesCpuMs(children: ChildProcess[]): number {
  return children.reduce((sum, child) => sum + (processCpuMs(child.pid as number) ?? NaN), 0);
}

/** A phase that sends the events over HTTP from the forked load generator to `baseUrls` (one per client, round robin). */
function overHttpRun(load: HttpLoadGenerator, order: { baseUrls: string[]; token: string; ids: string[] }): Phase['run'] {
  return async (total) => {
    const run = await load.run({
      baseUrls: order.baseUrls, token: order.token, paths: order.ids.map((id) => `/api/suggestions/${id}/events`), clients: CLIENTS, total,
      body: 'contactEvent', status: 200,
    });
    return { seconds: run.seconds, latencies: run.latencies, clientCpuMs: run.cpuMs };
  };
}

/**
 * Benchmark 1. The four ways are measured in interleaved rounds (raw SQL, in-process, HTTP, HTTP to two api processes,
 * then again), so a load that other jobs put on the machine meanwhile weighs on all alike rather than on whichever ran
 * at that moment.
 *
 * Each way's process holds only what is measured: the raw SQL's `pg` calls and the in-process service calls are driven
 * by a bare loop of promises in this process, and the HTTP clients run in a process of their own (as real clients run
 * on other machines), so this process serves the api alone. The fourth way is the deployed shape under load: two api
 * processes of their own, the same 16 clients spread over them. The CPU columns are this process's CPU (the api's, for
 * HTTP) and, for two api processes, both processes' summed; the load generator's and PostgreSQL's own are reported
 * beside them.
 */
export async function benchEventThroughput(system: BenchSystem, events: number, rounds = 5): Promise<ThroughputResult> {
  const { ids } = await prepare(system);
  const staff = await system.user('jtj-staff');
  const pool = new Pool({ connectionString: system.config.DATABASE_URL, max: 20 });
  const load = startHttpLoadGenerator();
  const apiCopies: ChildProcess[] = [];
  try {
    const copyUrls = await startApiCopies(system.config, apiCopies);
    // Signed in on a spawned copy: sessions live in the shared database, so its token also works on the in-process api.
    const http = benchHttpClient(copyUrls[0]);
    const token = await http.login(system.directory.code, 'jtj-staff');
    http.close();
    const instance = (client: number) => ids[client % ids.length];
    const inThisProcess = (task: (client: number, call: number) => Promise<void>) => (total: number) =>
      runConcurrently({ clients: CLIENTS, total }, task);
    const phase = (name: string, run: Phase['run'], serverCpuMs: Phase['serverCpuMs'] = thisProcessCpuMs): Phase =>
      ({ name, run, serverCpuMs, seconds: 0, cpuMs: 0, clientCpuMs: 0, dbCpuMs: 0, latencies: [] });
    const phases = [
      phase('events-raw-sql', inThisProcess((client, call) => rawSqlEvent(pool, instance(client), call))),
      phase('events-in-process', inThisProcess((client, call) => system.service.sendEvent(staff, instance(client), contactEvent(call)).then(() => undefined))),
      phase('events-http', overHttpRun(load, { baseUrls: [system.baseUrl], token, ids })),
      phase('events-http-2-apis', overHttpRun(load, { baseUrls: copyUrls, token, ids }), () => processesCpuMs(apiCopies)),
    ];
    await measureInRounds(phases, { pool, events, rounds });
    return throughputResult(phases, events);
  } finally {
    await Promise.all(apiCopies.map(stopApp));
    load.close();
    await pool.end();
  }
}

/** Warms every phase, then runs `events` of each in `rounds` interleaved rounds, adding up time, CPU and latencies. */
async function measureInRounds(phases: Phase[], { pool, events, rounds }: { pool: Pool; events: number; rounds: number }): Promise<void> {
  // Warm every path (JIT, connection pools, caches) before measuring.
  for (const { run } of phases) await run(200);
  for (let round = 0; round < rounds; round++) {
    const total = Math.floor(events / rounds) + (round < events % rounds ? 1 : 0);
    for (const measured of phases) {
      const dbBefore = await databaseCpuMs(pool);
      const serverBefore = measured.serverCpuMs();
      const run = await profiled(`${measured.name}-${round + 1}`, () => measured.run(total));
      measured.cpuMs += measured.serverCpuMs() - serverBefore;
      const dbAfter = await databaseCpuMs(pool);
      measured.seconds += run.seconds;
      measured.clientCpuMs += run.clientCpuMs ?? 0;
      measured.dbCpuMs += dbBefore === null || dbAfter === null ? NaN : dbAfter - dbBefore;
      measured.latencies.push(...run.latencies);
    }
  }
}

function throughputResult([baseline, inProcess, overHttp, twoApis]: Phase[], events: number): ThroughputResult {
  const perSecond = (measured: Phase) => events / measured.seconds;
  const ratio = (measured: Phase) => +(perSecond(measured) / perSecond(baseline)).toFixed(2);
  const perEvent = (ms: number) => +(ms / events).toFixed(2);
  const latencyMs = (measured: Phase, q: number) => +quantile(measured.latencies.sort((a, b) => a - b), q).toFixed(1);
  return {
    events,
    baselinePerSecond: Math.round(perSecond(baseline)),
    inProcessPerSecond: Math.round(perSecond(inProcess)),
    apiPerSecond: Math.round(perSecond(overHttp)),
    inProcessRatio: ratio(inProcess),
    apiRatio: ratio(overHttp),
    apiP50Ms: latencyMs(overHttp, 0.5),
    apiP99Ms: latencyMs(overHttp, 0.99),
    baselineCpuMsPerEvent: perEvent(baseline.cpuMs),
    inProcessCpuMsPerEvent: perEvent(inProcess.cpuMs),
    apiCpuMsPerEvent: perEvent(overHttp.cpuMs),
    apiClientCpuMsPerEvent: perEvent(overHttp.clientCpuMs),
    dbCpuMsPerEvent: `${perEvent(baseline.dbCpuMs)} / ${perEvent(inProcess.dbCpuMs)} / ${perEvent(overHttp.dbCpuMs)}`,
    twoApisPerSecond: Math.round(perSecond(twoApis)),
    twoApisRatio: ratio(twoApis),
    twoApisP50Ms: latencyMs(twoApis, 0.5),
    twoApisP99Ms: latencyMs(twoApis, 0.99),
    twoApisCpuMsPerEvent: perEvent(twoApis.cpuMs),
  };
}
