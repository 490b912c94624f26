import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { actorsOf } from './support/actors';
import { startTestSystem, TestSystem } from './support/test-system';

describe('merging suggestions of the same content', () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let as: ReturnType<typeof actorsOf>;

  beforeAll(async () => {
    system = await startTestSystem();
    directory = await seedDirectory(system.dataSource, { code: 'merge', name: '并案县', deputies: 4 });
    as = actorsOf(system, 'merge');
  });

  afterAll(async () => system.close());

  const file = async (username: string, title: string) => {
    const deputy = await as(username);
    const created = await deputy
      .post('/api/suggestions', {
        sessionId: directory.sessionId, title, content: '建议在城东新区增设公交站点。', category: '环资城建',
        duringSession: true, agreesToDisclosure: true,
      })
      .expect(201);
    await deputy.send(created.body.id, { type: 'SUBMIT' });
    return created.body.id as string;
  };

  it('handles the merged item once while every proposer of both gets the reply and gives feedback', async () => {
    const office = await as('office');
    const target = await file('deputy001', '关于增设公交站点的建议');
    const source = await file('deputy002', '关于优化城东公交线路的建议');
    await office.send(target, { type: 'ACCEPT' });
    await office.send(source, { type: 'MERGE', targetSuggestionId: target, reason: '与第1号建议内容相同，并案办理' });

    const merged = (await office.get(`/api/suggestions/${source}`).expect(200)).body;
    expect(merged.state).toBe('merged');
    expect(merged.mergedIntoId).toBe(target);
    const kept = (await office.get(`/api/suggestions/${target}`).expect(200)).body;
    expect(kept.proposers.map((p: { deputyId: string }) => p.deputyId)).toEqual(
      expect.arrayContaining([directory.deputyIds[0], directory.deputyIds[1]]),
    );
    expect(kept.history.map((h: { eventType: string }) => h.eventType)).toContain('ABSORB');

    // The second proposer now sees the kept suggestion too.
    await (await as('deputy002')).get(`/api/suggestions/${target}`).expect(200);

    const unit = directory.unitIds[6];
    await office.send(target, { type: 'ASSIGN', mode: 'SEPARATE', unitIds: [unit] });
    const staff = await as('jtj-staff');
    await staff.send(target, { type: 'RECORD_CONTACT', method: 'PHONE', contactedAt: '2026-03-09T08:00:00.000Z', participants: '两位代表' });
    await staff.send(target, {
      type: 'REPLY', classification: 'A', text: '站点已建成。', signedBy: '局长', contactPerson: '张三', contactPhone: '0513-1', agreesToDisclosure: true,
    });
    await system.drainQueues();
    const inbox = (await (await as('deputy002')).get('/api/notifications').expect(200)).body.items;
    expect(inbox.map((n: { template: string }) => n.template)).toContain('REPLIED');

    await (await as('deputy002')).send(target, { type: 'GIVE_FEEDBACK', handlingWork: 'SATISFIED', result: 'SATISFIED' });
    await (await as('deputy001')).send(target, { type: 'GIVE_FEEDBACK', handlingWork: 'SATISFIED', result: 'BASICALLY_SATISFIED' });
    const done = (await office.get(`/api/suggestions/${target}`).expect(200)).body;
    expect(done.state).toBe('awaitingClose');
    expect(done.feedback).toHaveLength(2);
  });

  it('refuses a merge into a suggestion of another jurisdiction as an unknown target', async () => {
    const other = await seedDirectory(system.dataSource, { code: 'merge-other', name: '邻县', deputies: 1 });
    const foreign = await actorsOf(system, 'merge-other')('deputy001');
    const created = await foreign
      .post('/api/suggestions', {
        sessionId: other.sessionId, title: '邻县建议', content: '内容', category: '其他', duringSession: true, agreesToDisclosure: false,
      })
      .expect(201);
    const source = await file('deputy003', '关于公交的建议');
    const response = await (await as('office')).post(`/api/suggestions/${source}/events`, {
      type: 'MERGE', targetSuggestionId: created.body.id, reason: '并案',
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('targetSuggestionId');
  });
});
