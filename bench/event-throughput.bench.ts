import { Pool } from 'pg';
import { BenchSystem, runConcurrently } from './support/bench-system';

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
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
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
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

export async function benchEventThroughput(system: BenchSystem, events: number): Promise<ThroughputResult> {
  const { ids } = await prepare(system);
  const staff = await system.user('jtj-staff');
  const pool = new Pool({ connectionString: system.config.DATABASE_URL, max: 20 });
  const login = await fetch(`${system.baseUrl}/api/auth/demo-login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jurisdictionCode: system.directory.code, username: 'jtj-staff' }),
  });
  const token = ((await login.json()) as { accessToken: string }).accessToken;

  const sendOverHttp = async (client: number, call: number) => {
    const response = await fetch(`${system.baseUrl}/api/suggestions/${ids[client % ids.length]}/events`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(contactEvent(call)),
    });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  };
  // Warm every path (JIT, connection pools, caches) before measuring.
  await runConcurrently({ clients: CLIENTS, total: 200 }, (client, call) => rawSqlEvent(pool, ids[client % ids.length], call));
  await runConcurrently({ clients: CLIENTS, total: 200 }, (client, call) => system.service.sendEvent(staff, ids[client % ids.length], contactEvent(call)).then(() => undefined));
  await runConcurrently({ clients: CLIENTS, total: 200 }, sendOverHttp);

  const baseline = await runConcurrently({ clients: CLIENTS, total: events }, (client, call) => rawSqlEvent(pool, ids[client % ids.length], call));
  const inProcess = await runConcurrently({ clients: CLIENTS, total: events }, (client, call) =>
    system.service.sendEvent(staff, ids[client % ids.length], contactEvent(call)).then(() => undefined),
  );
  const overHttp = await runConcurrently({ clients: CLIENTS, total: events }, sendOverHttp);
  await pool.end();
  return {
    events,
    baselinePerSecond: Math.round(baseline.perSecond),
    inProcessPerSecond: Math.round(inProcess.perSecond),
    apiPerSecond: Math.round(overHttp.perSecond),
    inProcessRatio: +(inProcess.perSecond / baseline.perSecond).toFixed(2),
    apiRatio: +(overHttp.perSecond / baseline.perSecond).toFixed(2),
    apiP50Ms: +overHttp.p50.toFixed(1),
    apiP99Ms: +overHttp.p99.toFixed(1),
  };
}
