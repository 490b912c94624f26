import request from 'supertest';
import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { actorsOf } from './support/actors';
import { suggestionFixtures } from './support/suggestion-fixtures';
import { startTestSystem, TestSystem } from './support/test-system';

jest.setTimeout(120_000);

const CODE = 'disclose5';
const SECRET = {
  mobile: '13912345678',
  idCard: '320681199001011234',
  email: 'zhangsan.home@example.com',
  markedWord: '梧桐巷',
  markedPassage: '我家住在梧桐巷十八号',
  landline: '0513-86541234',
  contactPhone: '0513-80009999',
  contactPerson: '钱联系人',
  summaryHiddenReply: '原文答复细节甲乙',
  withheldWord: '机密词语丙',
  pendingWord: '待定词语丁',
  draftWord: '草稿唯一词戊',
};

describe('online disclosure and Chinese search', () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let fx: ReturnType<typeof suggestionFixtures>;
  let as: ReturnType<typeof actorsOf>;
  /** Every body the public API answered, as text, for the scan at the end. */
  const publicBodies: string[] = [];
  const ids: Record<'bus' | 'water' | 'withheld' | 'pending' | 'draft', string> = {} as never;

  const publicGet = async (path: string, expected = 200) => {
    const response = await system.http().get(`/api/public/${CODE}${path}`);
    expect(response.status).toBe(expected);
    publicBodies.push(response.text ?? JSON.stringify(response.body));
    return response;
  };

  const file = async (deputy: string, title: string, content: string, category = '环资城建') => {
    const created = await fx.service.create(await fx.user(deputy), { sessionId: directory.sessionId, title, content, category, duringSession: true, agreesToDisclosure: true });
    await fx.send(deputy, created.id, { type: 'SUBMIT' });
    await fx.send('office', created.id, { type: 'ACCEPT' });
    return created.id;
  };
  const handle = async (id: string, { unit = 0, classification = 'A', text }: { unit?: number; classification?: string; text: string }) => {
    const slug = ['fgj', 'jyj', 'gaj', 'czj', 'zrzyj', 'zjj', 'jtj'][unit];
    await fx.send('office', id, { type: 'ASSIGN', mode: 'LEAD_WITH_CO_UNITS', unitIds: [directory.unitIds[unit]], leadUnitId: directory.unitIds[unit] });
    await fx.send(`${slug}-staff`, id, { type: 'RECORD_CONTACT', method: 'MEETING', contactedAt: system.clock.now().toISOString(), participants: '领衔代表' });
    await fx.send(`${slug}-head`, id, {
      type: 'REPLY', classification, text, signedBy: '局长', contactPerson: SECRET.contactPerson, contactPhone: SECRET.contactPhone, agreesToDisclosure: true,
    });
  };

  beforeAll(async () => {
    system = await startTestSystem();
    directory = await seedDirectory(system.dataSource, { code: CODE, name: '公开检索县' });
    fx = suggestionFixtures(system, directory);
    as = actorsOf(system, CODE);

    ids.bus = await file('deputy001', '关于在人民路增设公交站点的建议',
      `人民路沿线居民出行不便，建议增设公交站点。${SECRET.markedPassage}，联系电话${SECRET.mobile}，身份证号${SECRET.idCard}，邮箱${SECRET.email}。`, '环资城建');
    await handle(ids.bus, { unit: 6, text: `已在人民路新增公交站点两处，咨询电话${SECRET.landline}。` });
    ids.water = await file('deputy002', '关于加强农村饮用水安全的建议', '部分村庄饮用水水质不稳定，建议改造管网。', '农业农村');
    await handle(ids.water, { unit: 5, classification: 'B', text: `${SECRET.summaryHiddenReply}：管网改造分两期实施。` });
    ids.withheld = await file('deputy003', '关于公交票价调整的建议', `涉及${SECRET.withheldWord}的票价测算。`, '财政经济');
    await handle(ids.withheld, { unit: 6, classification: 'C', text: '票价调整需综合测算。' });
    ids.pending = await file('deputy004', '关于公交线路延伸的建议', `线路延伸到${SECRET.pendingWord}社区。`);
    await handle(ids.pending, { unit: 6, text: '已研究延伸方案。' });
    const draft = await fx.service.create(await fx.user('deputy005'), {
      sessionId: directory.sessionId, title: '公交站点草稿', content: `${SECRET.draftWord}`, category: '其他', duringSession: true, agreesToDisclosure: true,
    });
    ids.draft = draft.id;
  });

  afterAll(async () => system.close());

  it('lets the office mark a passage and preview the redacted version before publishing', async () => {
    const office = await as('office');
    const marked = await office.post(`/api/disclosure/suggestions/${ids.bus}/redactions`, { passage: SECRET.markedPassage, reason: '个人隐私' });
    expect(marked.status).toBe(201);
    expect(marked.body.redactions).toEqual({ MARKED: 1, PHONE: 2, ID_CARD: 1, EMAIL: 1 });
    expect(marked.body.view.content).toContain('【已隐去】');
    expect(marked.body.publishable).toBe(false);
    for (const value of [SECRET.markedWord, SECRET.mobile, SECRET.idCard, SECRET.email, SECRET.landline]) expect(JSON.stringify(marked.body.view)).not.toContain(value);

    expect((await office.post(`/api/disclosure/suggestions/${ids.bus}/redactions`, { passage: '不存在的段落' })).body).toMatchObject({
      code: 'INVALID_INPUT', errors: [{ field: 'passage', reason: expect.stringContaining('does not occur') }],
    });
    expect((await office.post(`/api/disclosure/suggestions/${ids.bus}/redactions`, { passage: '' })).status).toBe(400);
    expect((await (await as('deputy001')).post(`/api/disclosure/suggestions/${ids.bus}/redactions`, { passage: '人民路' })).status).toBe(403);
    expect((await office.get(`/api/disclosure/suggestions/00000000-0000-4000-8000-000000000000/preview`)).status).toBe(404);
  });

  it('tracks the disclosure deadline of replied suggestions and reminds the office when it passes', async () => {
    const office = await as('office');
    const pending = await office.get('/api/disclosure/pending');
    expect(pending.status).toBe(200);
    expect(pending.body.items.map((item: { id: string }) => item.id).sort()).toEqual([ids.bus, ids.water, ids.withheld, ids.pending].sort());
    const [deadline] = await system.dataSource.query(
      `SELECT due_at, reminder_offsets_days FROM deadlines WHERE instance_id = $1 AND kind = 'DISCLOSURE' AND status = 'OPEN'`, [ids.pending]);
    expect(deadline.reminder_offsets_days).toEqual([30, 7, 1]);
    expect(pending.body.items.find((item: { id: string }) => item.id === ids.pending).dueAt).toBe(new Date(deadline.due_at).toISOString());
    expect((await (await as('jtj-staff')).get('/api/disclosure/pending')).status).toBe(403);

    // Past the due date the worker's sweep tells the office, like every other deadline.
    system.clock.set(new Date(new Date(deadline.due_at).getTime() + 60_000));
    await system.reconcile();
    await system.drainQueues();
    const [overdue] = await system.dataSource.query(
      `SELECT count(*)::int AS count FROM outbox_messages WHERE instance_id = $1 AND template = 'DISCLOSURE_OVERDUE'`, [ids.pending]);
    expect(overdue.count).toBe(1);
    const [reminders] = await system.dataSource.query(
      `SELECT count(*)::int AS count FROM outbox_messages WHERE instance_id = $1 AND template = 'DEADLINE_REMINDER' AND data->>'deadlineKind' = 'DISCLOSURE'`, [ids.pending]);
    expect(reminders.count).toBeGreaterThan(0);
  });

  it('publishes by the decision: full, summary, withheld', async () => {
    await fx.send('office', ids.bus, { type: 'DECIDE_DISCLOSURE', mode: 'FULL' });
    await fx.send('office', ids.water, { type: 'DECIDE_DISCLOSURE', mode: 'SUMMARY', summary: '已完成第一期饮用水管网改造，第二期列入明年计划。' });
    await fx.send('office', ids.withheld, { type: 'DECIDE_DISCLOSURE', mode: 'WITHHELD', reason: '涉及未公开的测算数据' });

    const list = await publicGet('/suggestions');
    expect(list.body.total).toBe(2);
    const bus = (await publicGet(`/suggestions/${ids.bus}`)).body;
    expect(bus).toMatchObject({
      numberLabel: '第1号', category: '环资城建', classification: { code: 'A', label: '解决或基本解决' }, leadDeputy: expect.any(String),
      disclosure: { mode: 'FULL', publishedAt: expect.any(String) }, summary: null, units: [{ name: '县交通运输局', role: 'LEAD', round: 1 }],
      replies: [{ unit: '县交通运输局', round: 1, classification: { code: 'A' }, text: '已在人民路新增公交站点两处，咨询电话【电话号码已隐去】。' }],
      key: null,
    });
    expect(bus.content).toContain('【已隐去】，联系电话【电话号码已隐去】，身份证号【身份证号已隐去】，邮箱【电子邮箱已隐去】');
    const water = (await publicGet(`/suggestions/${ids.water}`)).body;
    expect(water.disclosure.mode).toBe('SUMMARY');
    expect(water.summary).toBe('已完成第一期饮用水管网改造，第二期列入明年计划。');
    expect(water.replies).toEqual([expect.objectContaining({ unit: '县住房和城乡建设局', text: null, classification: { code: 'B', label: '正在解决或列入计划解决' } })]);
    await publicGet(`/suggestions/${ids.withheld}`, 404);
    await publicGet(`/suggestions/${ids.pending}`, 404);
    await publicGet(`/suggestions/${ids.draft}`, 404);
    expect((await publicGet(`/sessions/${directory.sessionId}/suggestions/1`)).body.id).toBe(ids.bus);
    await publicGet(`/sessions/${directory.sessionId}/suggestions/3`, 404);
  });

  it('filters by session, category, unit, classification and year, and refuses bad filters', async () => {
    const count = async (query: string) => (await publicGet(`/suggestions?${query}`)).body.total;
    expect(await count(`sessionId=${directory.sessionId}`)).toBe(2);
    expect(await count(`category=${encodeURIComponent('农业农村')}`)).toBe(1);
    expect(await count(`unitId=${directory.unitIds[6]}`)).toBe(1);
    expect(await count('classification=B')).toBe(1);
    expect(await count('year=2026')).toBe(2);
    expect(await count('year=2025')).toBe(0);
    const filters = (await publicGet('/filters')).body;
    expect(filters).toMatchObject({ years: [2026], sessions: [{ id: directory.sessionId, published: 2 }] });
    expect((await publicGet('/suggestions?year=abc', 400)).body.code).toBe('INVALID_INPUT');
    await publicGet('/suggestions?unitId=nope', 400);
    await publicGet('/suggestions?pageSize=1000', 400);
    expect((await request(system.api.getHttpServer()).get('/api/public/no-such-county/suggestions')).status).toBe(404);
  });

  it('searches Chinese words publicly: sub-words match, redacted and unpublished words do not', async () => {
    const search = async (q: string) => (await publicGet(`/search?q=${encodeURIComponent(q)}`)).body;
    const bus = await search('公交站点');
    expect(bus.items.map((item: { id: string }) => item.id)).toEqual([ids.bus]);
    expect(bus.items[0].highlightedTitle).toBe('关于在人民路增设<mark>公交站点</mark>的建议');
    expect(bus.items[0].snippet).toContain('<mark>公交站点</mark>');
    expect((await search('站点')).total).toBe(1);
    expect((await search('饮用水 改造')).items.map((item: { id: string }) => item.id)).toEqual([ids.water]);
    for (const hidden of [SECRET.markedWord, SECRET.summaryHiddenReply, SECRET.withheldWord, SECRET.pendingWord, SECRET.draftWord, SECRET.mobile]) {
      expect({ hidden, total: (await search(hidden)).total }).toEqual({ hidden, total: 0 });
    }
    expect((await publicGet(`/search?q=${encodeURIComponent('！？')}`, 400)).body.errors).toEqual([{ field: 'q', reason: expect.any(String) }]);
    await publicGet('/search', 400);
  });

  it('orders public matches by rank, then the suggestion number, and counts them on every page', async () => {
    const searchWord = async (query: string) => (await publicGet(`/search?q=${encodeURIComponent('建议')}${query}`)).body;
    // The number search orders by is a copy on the document: it must be the suggestion's own.
    const [{ stale }] = await system.dataSource.query(
      'SELECT count(*)::int AS stale FROM search_documents d JOIN suggestions s ON s.id = d.suggestion_id WHERE d.is_public AND d.number IS DISTINCT FROM s.number');
    expect(stale).toBe(0);
    const expected: Array<{ id: string }> = await system.dataSource.query(
      `SELECT s.id FROM search_documents d JOIN suggestions s ON s.id = d.suggestion_id
        WHERE d.jurisdiction_id = $1 AND d.is_public AND d.public_vector @@ to_tsquery('simple', '建议')
        ORDER BY ts_rank_cd(d.public_vector, to_tsquery('simple', '建议')) DESC, s.number, s.id`,
      [directory.jurisdictionId],
    );
    expect(expected.length).toBe(2);
    const all = await searchWord('');
    expect({ total: all.total, ids: all.items.map((item: { id: string }) => item.id) }).toEqual({ total: 2, ids: expected.map((row) => row.id) });
    const second = await searchWord('&page=2&pageSize=1');
    expect({ total: second.total, ids: second.items.map((item: { id: string }) => item.id) }).toEqual({ total: 2, ids: [expected[1].id] });
    // A page past the last match still says how many there are.
    expect(await searchWord('&page=3&pageSize=1')).toMatchObject({ total: 2, items: [], page: 3, pageSize: 1 });
  });

  it('offers the disclosed set as open data with a documented schema', async () => {
    const schema = (await publicGet('/open-data/schema')).body;
    const json = (await publicGet('/open-data/suggestions.json')).body;
    expect(json.items.map((item: { id: string }) => item.id).sort()).toEqual([ids.bus, ids.water].sort());
    const csv = await publicGet('/open-data/suggestions.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0].split(',')).toEqual(schema.fields.map((field: { name: string }) => field.name));
    expect(csv.text).toContain('已完成第一期饮用水管网改造');
  });

  it('never lets an original value reach a public response', () => {
    const everything = publicBodies.join('\n');
    expect(publicBodies.length).toBeGreaterThan(25);
    const originals = [...Object.values(SECRET), SECRET.landline.replace('-', ''), '86541234', '80009999'];
    expect(originals.filter((value) => everything.includes(value))).toEqual([]);
  });

  it('searches for staff under the read policy, with the original texts', async () => {
    const office = await as('office');
    const found = await office.get(`/api/search?q=${encodeURIComponent(SECRET.markedWord)}`);
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([ids.bus]);
    expect(found.body.items[0].snippet).toContain(`<mark>${SECRET.markedWord}</mark>`);
    const byWord = async (username: string, q: string) => (await (await as(username)).get(`/api/search?q=${encodeURIComponent(q)}`)).body.items.map((i: { id: string }) => i.id);
    expect(await byWord('deputy004', SECRET.pendingWord)).toEqual([ids.pending]);
    expect(await byWord('deputy001', SECRET.pendingWord)).toEqual([]);
    expect(await byWord('jtj-staff', '公交')).toEqual(expect.arrayContaining([ids.bus, ids.withheld, ids.pending]));
    expect(await byWord('zjj-staff', SECRET.pendingWord)).toEqual([]);
    expect(await byWord('zjj-staff', SECRET.withheldWord)).toEqual([]);
    expect(await byWord('deputy005', SECRET.draftWord)).toEqual([ids.draft]);
    expect(await byWord('office', SECRET.draftWord)).toEqual([ids.draft]);
    expect((await office.get('/api/search?q=')).status).toBe(400);
    expect((await system.http().get('/api/search?q=公交')).status).toBe(401);
  });

  it('shows similar earlier suggestions while drafting and while reviewing', async () => {
    const deputy = await as('deputy009');
    const drafting = await deputy.post('/api/search/similar', { title: '建议在人民路再增设公交站点', content: '居民出行不便，希望增设公交站点。', sessionId: directory.sessionId });
    expect(drafting.status).toBe(200);
    // Published suggestions are readable by every signed-in user under the access policy; unpublished ones of others are not.
    expect(drafting.body.items[0]).toMatchObject({ id: ids.bus, title: '关于在人民路增设公交站点的建议' });
    expect(drafting.body.items.map((i: { id: string }) => i.id)).not.toContain(ids.pending);
    expect(drafting.body.items.map((i: { id: string }) => i.id)).not.toContain(ids.withheld);

    const duplicate = await file('deputy010', '关于人民路增设公交站点的建议', '人民路居民出行不便，建议增设公交站点。');
    const reviewing = await (await as('office')).get(`/api/search/similar/${duplicate}`);
    expect(reviewing.body.items[0]).toMatchObject({ id: ids.bus, publicOnly: false, state: expect.any(String) });
    expect(reviewing.body.items[0].similarity).toBeGreaterThan(0.5);
    expect(reviewing.body.items.map((i: { id: string }) => i.id)).not.toContain(duplicate);
    expect((await deputy.post('/api/search/similar', { title: '', sessionId: directory.sessionId })).status).toBe(400);
    expect((await deputy.post('/api/search/similar', { title: '公交', sessionId: '00000000-0000-4000-8000-000000000000' })).body.errors).toEqual([{ field: 'sessionId', reason: expect.any(String) }]);
    expect((await deputy.get(`/api/search/similar/${ids.pending}`)).status).toBe(404);
  });

  it('keeps the public index in step when a mark is removed, and records the removal', async () => {
    const office = await as('office');
    const [mark] = (await office.get(`/api/disclosure/suggestions/${ids.bus}/redactions`)).body.items;
    const removed = await system.http().delete(`/api/disclosure/suggestions/${ids.bus}/redactions/${mark.id}`).set('Authorization', `Bearer ${(await system.http().post('/api/auth/demo-login').send({ jurisdictionCode: CODE, username: 'office' })).body.accessToken}`);
    expect(removed.status).toBe(200);
    expect(removed.body.redactions.MARKED).toBeUndefined();
    const found = await system.http().get(`/api/public/${CODE}/search?q=${encodeURIComponent(SECRET.markedWord)}`);
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([ids.bus]);
    const [row] = await system.dataSource.query('SELECT removed_by, removed_at FROM disclosure_redactions WHERE id = $1', [mark.id]);
    expect(row.removed_by).toBe(directory.users.office);
  });
});
