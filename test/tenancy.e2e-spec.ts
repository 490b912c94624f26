import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { actorsOf } from './support/actors';
import { startTestSystem, TestSystem } from './support/test-system';

/** Two county congresses in one deployment: nothing of one is visible to, or changeable by, the other. */
describe('tenancy between jurisdictions', () => {
  let system: TestSystem;
  let home: SeededDirectory;
  let other: SeededDirectory;
  let asHome: ReturnType<typeof actorsOf>;
  let asOther: ReturnType<typeof actorsOf>;
  /** The other jurisdiction's suggestions, one per stage. */
  let theirs: { draft: string; review: string; awaitingAssignment: string; inProgress: string };
  let ours: { awaitingAssignment: string };

  async function file(as: ReturnType<typeof actorsOf>, directory: SeededDirectory, title: string): Promise<string> {
    const response = await (await as('deputy001'))
      .post('/api/suggestions', {
        sessionId: directory.sessionId, title, content: '建议内容。', category: '农业农村', duringSession: false, agreesToDisclosure: true,
      })
      .expect(201);
    return response.body.id;
  }

  async function advance(as: ReturnType<typeof actorsOf>, id: string, to: 'review' | 'awaitingAssignment' | 'inProgress', unitId?: string) {
    await (await as('deputy001')).send(id, { type: 'SUBMIT' });
    if (to === 'review') return;
    await (await as('office')).send(id, { type: 'ACCEPT' });
    if (to === 'awaitingAssignment') return;
    await (await as('office')).send(id, { type: 'ASSIGN', mode: 'SEPARATE', unitIds: [unitId] });
  }

  /** Everything of the other jurisdiction a request could change. */
  async function fingerprintOf(directory: SeededDirectory): Promise<string> {
    const [row] = await system.dataSource.query(
      `SELECT json_build_object(
         'instances', (SELECT md5(coalesce(string_agg(id::text || version || last_event_hash, ',' ORDER BY id), '')) FROM workflow_instances WHERE jurisdiction_id = $1),
         'audit', (SELECT count(*) FROM audit_events WHERE jurisdiction_id = $1 AND workflow = 'suggestion'),
         'suggestions', (SELECT md5(coalesce(string_agg(s::text, ',' ORDER BY id), '')) FROM suggestions s WHERE jurisdiction_id = $1),
         'assignments', (SELECT count(*) FROM assignments WHERE jurisdiction_id = $1),
         'proposers', (SELECT count(*) FROM suggestion_proposers WHERE jurisdiction_id = $1),
         'deadlines', (SELECT md5(coalesce(string_agg(d.key || d.status, ',' ORDER BY d.id), '')) FROM deadlines d WHERE jurisdiction_id = $1),
         'read', (SELECT count(*) FROM notifications WHERE jurisdiction_id = $1 AND read_at IS NOT NULL),
         'sessions', (SELECT json_agg(last_suggestion_number) FROM congress_sessions WHERE jurisdiction_id = $1)
       )::text AS print`,
      [directory.jurisdictionId],
    );
    return row.print;
  }

  beforeAll(async () => {
    system = await startTestSystem();
    home = await seedDirectory(system.dataSource, { code: 'tenancy-home', name: '本县', deputies: 4 });
    other = await seedDirectory(system.dataSource, { code: 'tenancy-other', name: '邻县', deputies: 4 });
    asHome = actorsOf(system, 'tenancy-home');
    asOther = actorsOf(system, 'tenancy-other');

    theirs = {
      draft: await file(asOther, other, '邻县：草稿'),
      review: await file(asOther, other, '邻县：审查中'),
      awaitingAssignment: await file(asOther, other, '邻县：待交办'),
      inProgress: await file(asOther, other, '邻县：办理中'),
    };
    await advance(asOther, theirs.review, 'review');
    await advance(asOther, theirs.awaitingAssignment, 'awaitingAssignment');
    // Assigned to the other county's 交通运输局, whose code (JTJ) and username match ours.
    await advance(asOther, theirs.inProgress, 'inProgress', other.unitIds[6]);
    ours = { awaitingAssignment: await file(asHome, home, '本县：待交办') };
    await advance(asHome, ours.awaitingAssignment, 'awaitingAssignment');
    await system.drainQueues();
  });

  afterAll(async () => system.close());

  const homeUsers = ['office', 'gov-office', 'admin', 'deputy001', 'jtj-staff', 'jtj-head', 'sc-leader', 'council'];
  const theirIds = () => Object.values(theirs);

  it('signs the same username into each jurisdiction as a different user', async () => {
    const [mine, yours] = [await asHome('office'), await asOther('office')];
    expect(mine.userId).toBe(home.users.office);
    expect(yours.userId).toBe(other.users.office);
    expect(mine.userId).not.toBe(yours.userId);
  });

  it("answers 404 to every home user reading the other jurisdiction's suggestions", async () => {
    for (const username of homeUsers) {
      const user = await asHome(username);
      for (const id of theirIds()) {
        const response = await user.get(`/api/suggestions/${id}`);
        expect({ username, id, status: response.status, code: response.body.code }).toEqual({ username, id, status: 404, code: 'SUGGESTION_NOT_FOUND' });
      }
    }
  });

  it("answers 404 to events sent to the other jurisdiction's suggestions, whatever the event, and changes nothing", async () => {
    const before = await fingerprintOf(other);
    const events = [
      { type: 'ACCEPT' },
      { type: 'REJECT', reason: '越权' },
      { type: 'SUBMIT' },
      { type: 'WITHDRAW', reason: '撤回' },
      { type: 'CONFIRM_COSIGN' },
      { type: 'ASSIGN', mode: 'SEPARATE', unitIds: [home.unitIds[6]] },
      { type: 'ACKNOWLEDGE' },
      { type: 'CLOSE' },
      { type: 'DECIDE_DISCLOSURE', mode: 'WITHHELD', reason: '不公开' },
    ];
    for (const username of homeUsers) {
      const user = await asHome(username);
      for (const id of theirIds()) {
        for (const event of events) {
          const response = await user.post(`/api/suggestions/${id}/events`, event, { 'Idempotency-Key': `${username}-${id}-${event.type}` });
          expect({ username, id, event: event.type, status: response.status }).toEqual({ username, id, event: event.type, status: 404 });
        }
      }
    }
    expect(await fingerprintOf(other)).toBe(before);
  }, 60_000);

  it("never lists the other jurisdiction's suggestions, whatever the filter", async () => {
    const queries = [
      '', '?pageSize=200', `?sessionId=${other.sessionId}`, `?unitId=${other.unitIds[6]}`, `?deputyId=${other.deputyIds[0]}`,
      `?delegationId=${other.delegationIds[0]}`, '?state=review', '?state=inProgress', '?state=draft', '?category=农业农村',
    ];
    for (const username of homeUsers) {
      const user = await asHome(username);
      for (const query of queries) {
        const response = await user.get(`/api/suggestions${query}`).expect(200);
        const listed = response.body.items.map((item: { id: string }) => item.id);
        expect({ username, query, leaked: listed.filter((id: string) => theirIds().includes(id)) }).toEqual({ username, query, leaked: [] });
      }
    }
    // The home office sees its own, so the lists above were not simply empty.
    const own = await (await asHome('office')).get('/api/suggestions').expect(200);
    expect(own.body.items.map((item: { id: string }) => item.id)).toEqual([ours.awaitingAssignment]);
  });

  it("keeps the other jurisdiction's work out of a home unit's inbox and directory", async () => {
    const inbox = await (await asHome('jtj-staff')).get('/api/inbox').expect(200);
    expect(inbox.body.map((item: { suggestionId: string }) => item.suggestionId)).not.toContain(theirs.inProgress);
    const office = await asHome('office');
    for (const [path, foreign] of [
      ['/api/units', other.unitIds],
      ['/api/deputies', other.deputyIds],
      ['/api/sessions', [other.sessionId]],
      ['/api/delegations', other.delegationIds],
    ] as const) {
      const ids = (await office.get(path).expect(200)).body.map((row: { id: string }) => row.id);
      expect({ path, leaked: ids.filter((id: string) => foreign.includes(id)) }).toEqual({ path, leaked: [] });
      expect(ids.length).toBeGreaterThan(0);
    }
  });

  it("answers 404 to a batch assignment naming the other jurisdiction's suggestions and assigns none", async () => {
    const office = await asHome('office');
    const [theirsBefore, oursBefore] = [await fingerprintOf(other), await fingerprintOf(home)];
    const batches = [
      [theirs.awaitingAssignment],
      [ours.awaitingAssignment, theirs.awaitingAssignment],
      theirIds(),
    ];
    for (const suggestionIds of batches) {
      for (const unitId of [home.unitIds[6], other.unitIds[6]]) {
        const response = await office.post('/api/suggestions/batch-assign', { suggestionIds, assignment: { mode: 'SEPARATE', unitIds: [unitId] } });
        expect({ suggestionIds, unitId, status: response.status }).toEqual({ suggestionIds, unitId, status: 404 });
        expect(response.body.code).toBe('SUGGESTION_NOT_FOUND');
        expect(response.body.missing).toEqual(suggestionIds.filter((id) => id !== ours.awaitingAssignment));
      }
    }
    expect(await fingerprintOf(other)).toBe(theirsBefore);
    expect(await fingerprintOf(home)).toBe(oursBefore);
  });

  it('refuses references to the other jurisdiction inside a request body with 400, changing nothing', async () => {
    const [office, deputy] = [await asHome('office'), await asHome('deputy001')];
    const theirsBefore = await fingerprintOf(other);
    const create = (overrides: object) =>
      deputy.post('/api/suggestions', {
        sessionId: home.sessionId, title: '跨县引用', content: '内容', category: '农业农村', duringSession: false, agreesToDisclosure: true, ...overrides,
      });
    const cases: Array<[string, Promise<{ status: number; body: { code: string; errors?: Array<{ field: string }> } }>, string]> = [
      ['their session', create({ sessionId: other.sessionId }), 'sessionId'],
      ['their deputy as co-signer', create({ cosignerIds: [other.deputyIds[1]] }), 'cosignerIds'],
      ['their unit in an assignment', office.post(`/api/suggestions/${ours.awaitingAssignment}/events`, { type: 'ASSIGN', mode: 'SEPARATE', unitIds: [other.unitIds[6]] }), 'unitIds'],
      ['their unit in a batch', office.post('/api/suggestions/batch-assign', { suggestionIds: [ours.awaitingAssignment], assignment: { mode: 'SEPARATE', unitIds: [other.unitIds[6]] } }), 'unitIds'],
      ['their leaders as key-suggestion leaders', office.post(`/api/suggestions/${ours.awaitingAssignment}/events`, {
        type: 'MARK_KEY', leadingLeaderId: other.users['gov-leader'], supervisingLeaderId: other.users['sc-leader'],
      }), 'leadingLeaderId'],
    ];
    for (const [label, pending, field] of cases) {
      const response = await pending;
      expect({ label, status: response.status, code: response.body.code }).toEqual({ label, status: 400, code: 'INVALID_INPUT' });
      expect(response.body.errors?.map((e) => e.field)).toContain(field);
    }
    // MERGE into their suggestion: ours would have to be in review; file one.
    const inReview = await file(asHome, home, '本县：审查中');
    await (await asHome('deputy001')).send(inReview, { type: 'SUBMIT' });
    const merge = await office.post(`/api/suggestions/${inReview}/events`, { type: 'MERGE', targetSuggestionId: theirs.review, reason: '内容相同' });
    expect(merge.status).toBe(400);
    expect(merge.body.errors.map((e: { field: string }) => e.field)).toContain('targetSuggestionId');
    expect((await office.get(`/api/suggestions/${inReview}`).expect(200)).body.state).toBe('review');
    expect(await fingerprintOf(other)).toBe(theirsBefore);
    expect((await office.get(`/api/suggestions/${ours.awaitingAssignment}`).expect(200)).body.state).toBe('awaitingAssignment');
  });

  it("answers 404 to marking the other jurisdiction's notification read, and leaves it unread", async () => {
    const [notification] = await system.dataSource.query(
      'SELECT id FROM notifications WHERE jurisdiction_id = $1 AND read_at IS NULL ORDER BY created_at LIMIT 1',
      [other.jurisdictionId],
    );
    expect(notification).toBeDefined();
    for (const username of ['office', 'deputy001', 'jtj-staff']) {
      const response = await (await asHome(username)).post(`/api/notifications/${notification.id}/read`);
      expect({ username, status: response.status }).toEqual({ username, status: 404 });
    }
    const [row] = await system.dataSource.query('SELECT read_at FROM notifications WHERE id = $1', [notification.id]);
    expect(row.read_at).toBeNull();
    const list = await (await asHome('office')).get('/api/notifications?limit=200').expect(200);
    expect(list.body.items.map((n: { id: string }) => n.id)).not.toContain(notification.id);
  });
});
