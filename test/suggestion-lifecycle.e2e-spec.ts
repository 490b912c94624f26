import { findBrokenLink } from '@app/workflow-engine';
import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { actorsOf } from './support/actors';
import { startTestSystem, TestSystem } from './support/test-system';

describe('a suggestion from draft to disclosure', () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let as: ReturnType<typeof actorsOf>;
  let id: string;

  const detail = async () => (await (await as('office')).get(`/api/suggestions/${id}`).expect(200)).body;
  const deadlineKeys = async () => (await detail()).openDeadlines.map((d: { key: string }) => d.key).sort();
  const notificationsOf = async (username: string) => {
    await system.drainQueues();
    const response = await (await as(username)).get('/api/notifications').expect(200);
    return response.body.items.map((n: { template: string }) => n.template) as string[];
  };

  beforeAll(async () => {
    system = await startTestSystem();
    directory = await seedDirectory(system.dataSource, { code: 'lifecycle', name: '生命周期县', deputies: 6 });
    as = actorsOf(system, 'lifecycle');
  });

  afterAll(async () => system.close());

  it('walks every step with audit, deadlines and notifications', async () => {
    const [lead, co1, co2] = [await as('deputy001'), await as('deputy002'), await as('deputy003')];
    const office = await as('office');
    const [leadUnit, coUnit, otherUnit] = [directory.unitIds[6], directory.unitIds[5], directory.unitIds[4]];
    const leadStaff = await as('jtj-staff');
    const coStaff = await as('zjj-staff');

    const created = await lead
      .post('/api/suggestions', {
        sessionId: directory.sessionId,
        title: '关于在城东新区增设公交站点的建议',
        content: '城东新区居民出行不便，建议增设公交站点并优化线路。',
        category: '环资城建',
        duringSession: false,
        agreesToDisclosure: true,
        cosignerIds: [directory.deputyIds[1], directory.deputyIds[2]],
      })
      .expect(201);
    id = created.body.id;
    expect(created.body.state).toBe('draft');
    expect(created.body.proposers).toHaveLength(3);
    expect(await notificationsOf('deputy002')).toContain('COSIGN_INVITED');

    // Submission waits for every co-signer.
    const early = await lead.post(`/api/suggestions/${id}/events`, { type: 'SUBMIT' });
    expect(early.status).toBe(409);
    await co1.send(id, { type: 'CONFIRM_COSIGN' });
    await co2.send(id, { type: 'CONFIRM_COSIGN' });
    await lead.send(id, { type: 'SUBMIT' });
    expect((await detail()).state).toBe('review');

    await office.send(id, { type: 'ACCEPT' });
    let state = await detail();
    expect(state.number).toBe(1);
    expect(state.state).toBe('awaitingAssignment');
    expect(await deadlineKeys()).toEqual(['ASSIGNMENT']);

    await office.send(id, { type: 'ASSIGN', mode: 'LEAD_WITH_CO_UNITS', leadUnitId: otherUnit, unitIds: [otherUnit, coUnit] });
    expect(await deadlineKeys()).toEqual([`ADJUSTMENT_${coUnit}`, `ADJUSTMENT_${otherUnit}`, `CO_UNIT_OPINION_${coUnit}`, `REPLY_${otherUnit}`].sort());

    // The wrong lead unit asks for adjustment inside its window; the office moves the lead to the right unit.
    const wrongStaff = await as('zrzyj-staff');
    await wrongStaff.send(id, { type: 'REQUEST_ADJUSTMENT', reason: '该事项属交通部门职责' });
    expect(await notificationsOf('office')).toContain('ADJUSTMENT_REQUESTED');
    await office.send(id, { type: 'DECIDE_ADJUSTMENT', unitId: otherUnit, approve: true, newUnitId: leadUnit, reason: '同意调整' });
    state = await detail();
    expect(state.openDeadlines.map((d: { key: string }) => d.key)).toContain(`REPLY_${leadUnit}`);
    expect(state.openDeadlines.map((d: { key: string }) => d.key)).not.toContain(`REPLY_${otherUnit}`);
    expect(await notificationsOf('jtj-staff')).toContain('ASSIGNED');

    await leadStaff.send(id, { type: 'ACKNOWLEDGE' });
    await coStaff.send(id, { type: 'ACKNOWLEDGE' });
    await coStaff.send(id, { type: 'SUBMIT_OPINION', text: '同意在站点周边配套建设停车设施。' });
    await leadStaff.send(id, {
      type: 'RECORD_CONTACT', method: 'MEETING', contactedAt: '2026-03-09T02:00:00.000Z', participants: '王建国代表、交通局副局长',
    });
    const badReply = await leadStaff.post(`/api/suggestions/${id}/events`, {
      type: 'REPLY', classification: 'Z', text: '答复', signedBy: '局长', contactPerson: '张三', contactPhone: '0513-1234', agreesToDisclosure: true,
    });
    expect(badReply.status).toBe(409);
    expect(badReply.body.reason).toMatch(/classification/i);

    system.clock.advanceDays(20);
    await leadStaff.send(id, {
      type: 'REPLY', classification: 'B', text: '已列入明年公交线网优化计划，联系电话 13900001111。', signedBy: '交通运输局局长 陈刚',
      contactPerson: '张三', contactPhone: '0513-80001234', agreesToDisclosure: true,
    });
    state = await detail();
    expect(state.state).toBe('awaitingFeedback');
    expect(state.replies).toHaveLength(1);
    expect(state.replies[0].onTime).toBe(true);
    expect(state.replies[0].precededByContact).toBe(true);
    expect(await deadlineKeys()).toEqual(['DISCLOSURE', 'FEEDBACK']);
    expect(await notificationsOf('deputy003')).toContain('REPLIED');

    // One unsatisfied proposer sends the item to re-handling.
    await lead.send(id, { type: 'GIVE_FEEDBACK', handlingWork: 'SATISFIED', result: 'UNSATISFIED', comment: '希望今年内落实' });
    await co1.send(id, { type: 'GIVE_FEEDBACK', handlingWork: 'SATISFIED', result: 'SATISFIED' });
    await co2.send(id, { type: 'GIVE_FEEDBACK', handlingWork: 'SATISFIED', result: 'BASICALLY_SATISFIED' });
    expect((await detail()).state).toBe('awaitingRehandling');
    expect(await notificationsOf('office')).toContain('REHANDLING_NEEDED');

    await office.send(id, { type: 'REASSIGN_FOR_REHANDLING', mode: 'LEAD_WITH_CO_UNITS', leadUnitId: leadUnit, unitIds: [leadUnit] });
    state = await detail();
    expect(state.round).toBe(2);
    expect(state.openDeadlines.map((d: { key: string }) => d.key)).toContain(`REPLY_${leadUnit}`);
    await leadStaff.send(id, {
      type: 'RECORD_CONTACT', method: 'PHONE', contactedAt: '2026-03-30T02:00:00.000Z', participants: '王建国代表',
    });
    await leadStaff.send(id, {
      type: 'REPLY', classification: 'A', text: '站点已于四月建成投用。', signedBy: '交通运输局局长 陈刚',
      contactPerson: '张三', contactPhone: '0513-80001234', agreesToDisclosure: true,
    });
    for (const deputy of [lead, co1, co2]) await deputy.send(id, { type: 'GIVE_FEEDBACK', handlingWork: 'SATISFIED', result: 'SATISFIED' });
    expect((await detail()).state).toBe('awaitingClose');

    await office.send(id, { type: 'DECIDE_DISCLOSURE', mode: 'FULL' });
    await office.send(id, { type: 'CLOSE' });
    state = await detail();
    expect(state.state).toBe('closed');
    expect(state.disclosureState).toBe('published');
    expect(state.openDeadlines).toEqual([]);
    expect(await notificationsOf('deputy001')).toContain('CLOSED');

    // The audit trail: every step, chained by hash.
    const { history } = state;
    expect(history[0].eventType).toBe('CREATED');
    expect(history.map((h: { seq: number }) => h.seq)).toEqual(history.map((_: unknown, index: number) => index + 1));
    const rows = await system.dataSource.query(
      `SELECT instance_id AS "instanceId", seq, event_type AS "eventType", actor_user_id AS "actorUserId", from_state AS "fromState",
              to_state AS "toState", payload, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, prev_hash AS "prevHash", hash
         FROM audit_events WHERE instance_id = $1 ORDER BY seq`,
      [id],
    );
    expect(findBrokenLink(rows)).toBe(-1);
    expect(rows.map((r: { eventType: string }) => r.eventType)).toEqual(
      expect.arrayContaining(['SUBMIT', 'ACCEPT', 'ASSIGN', 'REQUEST_ADJUSTMENT', 'DECIDE_ADJUSTMENT', 'REPLY', 'GIVE_FEEDBACK', 'REASSIGN_FOR_REHANDLING', 'CLOSE']),
    );
  });

  it('answers an event the state does not take with 409 and the events it takes', async () => {
    const response = await (await as('office')).post(`/api/suggestions/${id}/events`, { type: 'ACCEPT' });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('EVENT_NOT_ACCEPTED_CONFLICT');
    expect(Array.isArray(response.body.allowedEvents)).toBe(true);
  });
});
