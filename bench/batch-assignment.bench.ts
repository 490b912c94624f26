import { Pool } from 'pg';
import { BenchSystem } from './support/bench-system';

export interface BatchAssignmentResult {
  suggestions: number;
  engineSeconds: number;
  rawBulkSeconds: number;
  ratio: number;
}

/**
 * Makes `count` suggestions awaiting assignment: one driven through the service, then cloned in SQL with new ids
 * (instance, suggestion and proposer rows), which is the state an assignment meeting starts from.
 */
async function prepare(system: BenchSystem, count: number): Promise<string[]> {
  const office = await system.user('office');
  const deputy = await system.user('deputy001');
  const template = await system.service.create(deputy, {
    sessionId: system.directory.sessionId, title: '关于完善城乡公交网络的建议', content: '建议优化城乡公交线路。', category: '环资城建',
    duringSession: true, agreesToDisclosure: true,
  });
  await system.service.sendEvent(deputy, template.id, { type: 'SUBMIT' });
  await system.service.sendEvent(office, template.id, { type: 'ACCEPT' });
  const rows: Array<{ id: string }> = await system.dataSource.query(
    `WITH ids AS (SELECT gen_random_uuid() AS id FROM generate_series(1, $2)),
          instances AS (
            INSERT INTO workflow_instances (id, jurisdiction_id, workflow, machine_version, snapshot, version, last_event_hash, created_at, updated_at)
            SELECT ids.id, wi.jurisdiction_id, wi.workflow, wi.machine_version, wi.snapshot, wi.version, wi.last_event_hash, now(), now()
              FROM ids, workflow_instances wi WHERE wi.id = $1 RETURNING id),
          suggestions AS (
            INSERT INTO suggestions (id, jurisdiction_id, session_id, number, title, content, category, during_session, lead_deputy_id, delegation_id,
                                     agrees_to_disclosure, requests_confidentiality, state, round, classification, overdue, is_key, key_state, disclosure_state)
            SELECT ids.id, s.jurisdiction_id, s.session_id, NULL, s.title, s.content, s.category, s.during_session, s.lead_deputy_id, s.delegation_id,
                   s.agrees_to_disclosure, s.requests_confidentiality, s.state, s.round, s.classification, s.overdue, s.is_key, s.key_state, s.disclosure_state
              FROM ids, suggestions s WHERE s.id = $1 RETURNING id)
     INSERT INTO suggestion_proposers (suggestion_id, deputy_id, jurisdiction_id, role, status, via_suggestion_id)
     SELECT ids.id, p.deputy_id, p.jurisdiction_id, p.role, p.status, p.via_suggestion_id FROM ids, suggestion_proposers p WHERE p.suggestion_id = $1
     RETURNING suggestion_id AS id`,
    [template.id, count - 1],
  );
  return [template.id, ...rows.map((row) => row.id)];
}

/** The floor: the same rows an assignment writes (assignments, deadlines, audit, instance and projection updates) as bulk SQL. */
async function rawBulkAssign(pool: Pool, ids: string[], jurisdictionId: string, units: [string, string]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `UPDATE workflow_instances SET version = version + 1, snapshot = jsonb_set(snapshot, '{context,round}', '1'), updated_at = now() WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    await client.query(
      `INSERT INTO audit_events (jurisdiction_id, workflow, instance_id, seq, actor_user_id, actor_roles, event_type, from_state, to_state, payload, at, prev_hash, hash)
       SELECT $2, 'suggestion', id, 100, 'bench', '{OFFICE}', 'ASSIGN', 'awaitingAssignment', 'inProgress', '{"mode":"LEAD_WITH_CO_UNITS"}', now(), 'p', md5(id::text)
         FROM unnest($1::uuid[]) AS id`,
      [ids, jurisdictionId],
    );
    await client.query(`UPDATE suggestions SET state = 'inProgress', round = 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
    await client.query(
      `INSERT INTO assignments (suggestion_id, unit_id, round, jurisdiction_id, role, acknowledged, adjustment_requested, contacts, opinion_given, reply_due_at, overdue, active, assigned_at)
       SELECT id, unit, 1, $2, role, false, false, 0, false, now() + interval '3 months', false, true, now()
         FROM unnest($1::uuid[]) AS id, (VALUES ($3::uuid, 'LEAD'), ($4::uuid, 'CO')) AS u(unit, role)`,
      [ids, jurisdictionId, units[0], units[1]],
    );
    await client.query(
      `INSERT INTO deadlines (jurisdiction_id, workflow, instance_id, key, kind, unit_id, due_at, reminder_offsets_days, status, opened_at)
       SELECT $2, 'suggestion', id, k.key, k.kind, k.unit, now() + interval '3 months', '{30,7,1}', 'OPEN', now()
         FROM unnest($1::uuid[]) AS id,
              (VALUES ('ADJUSTMENT_a', 'ADJUSTMENT', $3::uuid), ('ADJUSTMENT_b', 'ADJUSTMENT', $4::uuid), ('REPLY_a', 'REPLY', $3::uuid), ('CO_UNIT_OPINION_b', 'CO_UNIT_OPINION', $4::uuid)) AS k(key, kind, unit)`,
      [ids, jurisdictionId, units[0], units[1]],
    );
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

export async function benchBatchAssignment(system: BenchSystem, count: number): Promise<BatchAssignmentResult> {
  const [lead, co] = [system.directory.unitIds[6], system.directory.unitIds[5]];
  const baselineIds = await prepare(system, count);
  const pool = new Pool({ connectionString: system.config.DATABASE_URL, max: 2 });
  let started = process.hrtime.bigint();
  await rawBulkAssign(pool, baselineIds, system.directory.jurisdictionId, [lead, co]);
  const rawBulkSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  await pool.end();

  const ids = await prepare(system, count);
  const login = await fetch(`${system.baseUrl}/api/auth/demo-login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jurisdictionCode: system.directory.code, username: 'office' }),
  });
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  started = process.hrtime.bigint();
  const response = await fetch(`${system.baseUrl}/api/suggestions/batch-assign`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ suggestionIds: ids, assignment: { mode: 'LEAD_WITH_CO_UNITS', leadUnitId: lead, unitIds: [lead, co] } }),
  });
  if (response.status !== 200) throw new Error(`batch assignment answered ${response.status}: ${await response.text()}`);
  const engineSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { suggestions: count, engineSeconds: +engineSeconds.toFixed(2), rawBulkSeconds: +rawBulkSeconds.toFixed(2), ratio: +(engineSeconds / rawBulkSeconds).toFixed(1) };
}
