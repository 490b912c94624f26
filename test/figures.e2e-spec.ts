import ExcelJS from 'exceljs';
import { Role } from '@app/workflows/common/actor';
import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { actorsOf } from './support/actors';
import { inParallel, suggestionFixtures } from './support/suggestion-fixtures';
import { startTestSystem, TestSystem } from './support/test-system';

jest.setTimeout(600_000);

const CODE = 'figures5';
const DAY = 86_400_000;
const T0 = Date.parse('2026-03-10T02:00:00Z');
/** Reply deadline is 3 months after assignment: 2026-06-10. */
const T_ON_TIME = T0 + 40 * DAY;
const T_LATE = T0 + 100 * DAY;
const T_REHANDLE = T0 + 110 * DAY;
const T_FOLLOW_UP = T0 + 120 * DAY;
const AS_OF_MID = '2026-04-29';
const AS_OF_END = '2026-07-18';
const N = 300;
const UNITS = 40;
const CLASSES = ['A', 'B', 'C', 'D'];
type Verdict = 'SATISFIED' | 'BASICALLY_SATISFIED' | 'UNSATISFIED';

interface Reply { unit: number; round: number; cls: string; at: number; onTime: boolean; contact: boolean; followUp: boolean }
interface Plan {
  index: number;
  lead: number;
  cosigner: number | null;
  units: number[];
  separate: boolean;
  withdrawnBeforeAssign: boolean;
  withdrawnAfterAssign: boolean;
  unreplied: boolean;
  late: boolean;
  replies: Reply[];
  feedback: Array<{ deputy: number; round: number; result: Verdict; at: number }>;
  rehandled: boolean;
  key: 'PASSED' | 'FAILED' | null;
}

/** The simulated session, decided up front: the test knows every outcome without asking the system. */
function makePlan(): Plan[] {
  return Array.from({ length: N }, (_, i) => {
    const withdrawnBeforeAssign = i % 60 === 59;
    const withdrawnAfterAssign = !withdrawnBeforeAssign && i % 50 === 49;
    const unreplied = !withdrawnBeforeAssign && !withdrawnAfterAssign && i % 30 === 29;
    const separate = i % 25 === 3;
    const unit = i % UNITS;
    const units = separate ? [unit, (unit + 1) % UNITS] : [unit];
    const late = i % 7 === 0;
    const lead = i % 30;
    const cosigner = i % 5 === 0 ? (i + 7) % 30 : null;
    const plan: Plan = { index: i, lead, cosigner, units, separate, withdrawnBeforeAssign, withdrawnAfterAssign, unreplied, late, replies: [], feedback: [], rehandled: false, key: null };
    if (withdrawnBeforeAssign || withdrawnAfterAssign || unreplied) return plan;
    const at = late ? T_LATE : T_ON_TIME;
    const cls = CLASSES[(i + Math.floor(i / 4)) % 4];
    units.forEach((u, k) => plan.replies.push({ unit: u, round: 1, cls: k === 0 ? cls : i % 2 === 0 ? 'D' : 'A', at, onTime: !late, contact: i % 3 !== 0, followUp: false }));
    const verdict: Verdict = i % 6 === 0 ? 'UNSATISFIED' : i % 6 <= 2 ? 'BASICALLY_SATISFIED' : 'SATISFIED';
    const leadGives = i % 11 !== 10;
    if (leadGives) plan.feedback.push({ deputy: lead, round: 1, result: verdict, at });
    if (cosigner !== null) plan.feedback.push({ deputy: cosigner, round: 1, result: 'SATISFIED', at });
    if (leadGives && verdict === 'UNSATISFIED') {
      plan.rehandled = true;
      const cls2 = i % 12 === 0 ? 'A' : 'B';
      units.forEach((u) => plan.replies.push({ unit: u, round: 2, cls: cls2, at: T_REHANDLE, onTime: true, contact: true, followUp: false }));
      plan.feedback.push({ deputy: lead, round: 2, result: i % 12 === 0 ? 'SATISFIED' : 'UNSATISFIED', at: T_REHANDLE });
      if (cosigner !== null) plan.feedback.push({ deputy: cosigner, round: 2, result: 'SATISFIED', at: T_REHANDLE });
    } else if (leadGives && !separate && cls === 'B' && i % 2 === 1) {
      plan.replies.push({ unit, round: 1, cls: 'A', at: T_FOLLOW_UP, onTime: true, contact: false, followUp: true });
    }
    if ([2, 14, 26, 38].includes(i)) plan.key = i === 38 ? 'FAILED' : 'PASSED';
    return plan;
  });
}

const worst = (codes: string[]) => codes.sort((a, b) => CLASSES.indexOf(b) - CLASSES.indexOf(a))[0];
const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

/** The figures of domain.md, computed from the plan alone, for the items of one group (optionally one unit's part). */
function expectedFigures(plans: Plan[], asOf: number, unit: number | null) {
  const items = plans.filter((p) => !p.withdrawnBeforeAssign && !p.withdrawnAfterAssign && (unit === null || p.units.includes(unit)));
  const mine = (r: Reply) => unit === null || r.unit === unit;
  const firstOf = (p: Plan) => p.replies.filter((r) => r.round === 1 && !r.followUp && mine(r) && r.at <= asOf);
  const needed = (p: Plan) => (unit === null ? p.units.length : 1);
  const replied = items.filter((p) => firstOf(p).length === needed(p));
  const onTime = replied.filter((p) => firstOf(p).every((r) => r.onTime));
  const due = Date.parse('2026-06-10T16:00:00Z');
  const classOf = (p: Plan) => {
    const visible = p.replies.filter((r) => mine(r) && r.at <= asOf);
    const round = Math.max(...visible.filter((r) => !r.followUp).map((r) => r.round));
    const perUnit = [...new Set(visible.filter((r) => r.round === round && !r.followUp).map((r) => r.unit))].map(
      (u) => visible.filter((r) => r.unit === u && r.round === round).sort((a, b) => b.at - a.at)[0].cls,
    );
    return worst(perUnit);
  };
  const feedback = items.flatMap((p) => p.feedback.filter((f) => f.at <= asOf));
  const first = feedback.filter((f) => f.round === 1).map((f) => f.result);
  const final = items.flatMap((p) => {
    const given = p.feedback.filter((f) => f.at <= asOf);
    return [...new Set(given.map((f) => f.deputy))].map((d) => given.filter((f) => f.deputy === d).sort((a, b) => b.round - a.round)[0].result);
  });
  const handled = items.flatMap((p) => p.replies.filter((r) => mine(r) && !r.followUp && r.at <= asOf));
  const days = replied.map((p) => (Math.max(...firstOf(p).map((r) => r.at)) - T0) / DAY);
  const classes = replied.map(classOf);
  const keys = items.filter((p) => p.key !== null);
  const keyResult = (p: Plan) => (asOf >= T_FOLLOW_UP ? p.key : 'PENDING');
  return {
    assigned: items.length,
    replied: replied.length,
    repliedOnTime: onTime.length,
    replyRate: rate(onTime.length, items.length),
    onTimeRate: rate(onTime.length, replied.length),
    overdueOpen: items.filter((p) => !replied.includes(p) && due < asOf).length,
    repliedLate: replied.length - onTime.length,
    averageDaysToReply: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
    resolvedRate: rate(classes.filter((c) => c === 'A').length, replied.length),
    solvedOrPlannedRate: rate(classes.filter((c) => c === 'A' || c === 'B').length, replied.length),
    satisfiedRateFirst: rate(first.filter((v) => v === 'SATISFIED').length, first.length),
    satisfiedOrBasicallyRateFirst: rate(first.filter((v) => v !== 'UNSATISFIED').length, first.length),
    satisfiedRateFinal: rate(final.filter((v) => v === 'SATISFIED').length, final.length),
    satisfiedOrBasicallyRateFinal: rate(final.filter((v) => v !== 'UNSATISFIED').length, final.length),
    contactRate: rate(handled.filter((r) => r.contact).length, handled.length),
    keyCount: keys.length,
    keyPassed: keys.filter((p) => keyResult(p) === 'PASSED').length,
    keyFailed: keys.filter((p) => keyResult(p) === 'FAILED').length,
    keyPending: keys.filter((p) => keyResult(p) === 'PENDING').length,
  };
}

const values = (figures: Record<string, { value: number | null }>) => Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, f.value]));

describe('the year’s figures of a simulated session of 300 suggestions and 40 units', () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let fx: ReturnType<typeof suggestionFixtures>;
  let office: Awaited<ReturnType<ReturnType<typeof actorsOf>>>;
  const plans = makePlan();
  const ids: string[] = [];
  const unitIds: string[] = [];
  const unitUser: string[] = [];
  const deputy = (n: number) => `deputy${String(n + 1).padStart(3, '0')}`;
  const at = (instant: number) => system.clock.set(new Date(instant));
  const events = { count: 0 };
  const send = async (user: string, id: string, event: { type: string; [k: string]: unknown }) => {
    events.count++;
    await fx.send(user, id, event);
  };
  const assignEvent = (p: Plan) =>
    p.separate
      ? { mode: 'SEPARATE', unitIds: p.units.map((u) => unitIds[u]) }
      : { mode: 'LEAD_WITH_CO_UNITS', unitIds: [unitIds[p.units[0]]], leadUnitId: unitIds[p.units[0]] };
  const replyPhase = async (phaseAt: number, round: number) => {
    await inParallel(N, 6, async (i) => {
      const p = plans[i];
      const due = p.replies.filter((r) => r.round === round && !r.followUp && r.at === phaseAt);
      if (due.length === 0) return;
      if (round === 2) await send('office', ids[i], { type: 'REASSIGN_FOR_REHANDLING', ...assignEvent(p) });
      for (const r of due) {
        if (r.contact) await send(unitUser[r.unit], ids[i], { type: 'RECORD_CONTACT', method: 'PHONE', contactedAt: new Date(phaseAt).toISOString(), participants: '领衔代表' });
        await send(unitUser[r.unit], ids[i], { type: 'REPLY', classification: r.cls, text: `第${round}轮答复：已研究办理。`, signedBy: '局长', contactPerson: '经办人', contactPhone: '0513-80000000', agreesToDisclosure: true });
      }
      for (const f of p.feedback.filter((f) => f.round === round)) {
        await send(deputy(f.deputy), ids[i], { type: 'GIVE_FEEDBACK', handlingWork: f.result, result: f.result });
      }
    });
  };

  beforeAll(async () => {
    system = await startTestSystem({ now: new Date(T0) });
    directory = await seedDirectory(system.dataSource, { code: CODE, name: '年度统计县', deputies: 32 });
    // Contacts are recorded for most replies but not all, so the contact rate is a real figure.
    await system.dataSource.query(`UPDATE jurisdictions SET profile = $2 WHERE id = $1`, [directory.jurisdictionId, { requireContactBeforeReply: false }]);
    const slugs = ['fgj', 'jyj', 'gaj', 'czj', 'zrzyj', 'zjj', 'jtj', 'nyj', 'wjw', 'hbj', 'fy', 'jcy'];
    slugs.forEach((slug, k) => {
      unitIds.push(directory.unitIds[k]);
      unitUser.push(`${slug}-head`);
    });
    for (let k = slugs.length; k < UNITS; k++) {
      const [{ id }] = await system.dataSource.query(
        `INSERT INTO handling_units (jurisdiction_id, name, code, kind) VALUES ($1, $2, $3, '政府部门') RETURNING id`,
        [directory.jurisdictionId, `县第${k + 1}承办单位`, `U${k + 1}`],
      );
      await system.dataSource.query(
        `INSERT INTO users (jurisdiction_id, username, display_name, roles, unit_id) VALUES ($1, $2, $3, $4, $5)`,
        [directory.jurisdictionId, `u${k + 1}-head`, `第${k + 1}单位负责人`, [Role.UNIT_HEAD, Role.UNIT_STAFF], id],
      );
      unitIds.push(id);
      unitUser.push(`u${k + 1}-head`);
    }
    fx = suggestionFixtures(system, directory);
    office = await actorsOf(system, CODE)('office');
    const started = Date.now();

    await inParallel(N, 6, async (i) => {
      const p = plans[i];
      const created = await fx.service.create(await fx.user(deputy(p.lead)), {
        sessionId: directory.sessionId, title: `关于第${i + 1}项民生事项的建议`, content: '建议有关部门研究解决。', category: '社会建设',
        duringSession: true, agreesToDisclosure: true, cosignerIds: p.cosigner === null ? [] : [directory.deputyIds[p.cosigner]],
      });
      ids[i] = created.id;
      if (p.cosigner !== null) await send(deputy(p.cosigner), created.id, { type: 'CONFIRM_COSIGN' });
      await send(deputy(p.lead), created.id, { type: 'SUBMIT' });
      await send('office', created.id, { type: 'ACCEPT' });
      if (p.withdrawnBeforeAssign) return send(deputy(p.lead), created.id, { type: 'WITHDRAW', reason: '已通过其他渠道解决' });
      await send('office', created.id, { type: 'ASSIGN', ...assignEvent(p) });
      if (p.withdrawnAfterAssign) await send(deputy(p.lead), created.id, { type: 'WITHDRAW', reason: '情况已变化' });
      if (p.key) {
        await send('office', created.id, { type: 'MARK_KEY', leadingLeaderId: directory.users['gov-leader'], supervisingLeaderId: directory.users['sc-leader'], topic: '民生' });
      }
    });
    at(T_ON_TIME);
    await replyPhase(T_ON_TIME, 1);
    at(T_LATE);
    await replyPhase(T_LATE, 1);
    at(T_REHANDLE);
    await replyPhase(T_REHANDLE, 2);
    at(T_FOLLOW_UP);
    await inParallel(N, 6, async (i) => {
      const p = plans[i];
      for (const r of p.replies.filter((r) => r.followUp)) {
        await send(unitUser[r.unit], ids[i], { type: 'FOLLOW_UP_REPLY', classification: r.cls, text: '已全部解决。' });
      }
      if (p.key) {
        await send('council', ids[i], { type: 'RECORD_HEARING', meetingId: '11111111-1111-4111-8111-111111111111', opinion: '同意' });
        await send('office', ids[i], { type: 'RECORD_VOTE_RESULT', voteSessionId: '22222222-2222-4222-8222-222222222222', passed: p.key === 'PASSED' });
      }
    });
    at(Date.parse('2026-07-20T02:00:00Z'));
    // Printed with the report so a slow machine is visible in the logs.
    console.log(`simulated ${N} suggestions with ${events.count} events in ${Date.now() - started} ms`);
  });

  afterAll(async () => system.close());

  it('answers the jurisdiction figures as of any date, exactly as the plan predicts', async () => {
    for (const [asOf, instant] of [[AS_OF_MID, Date.parse('2026-04-29T15:59:59.999Z')], [AS_OF_END, Date.parse('2026-07-18T15:59:59.999Z')]] as const) {
      const response = await office.get(`/api/reports/figures?groupBy=JURISDICTION&asOf=${asOf}`);
      expect(response.status).toBe(200);
      expect(response.body.asOf).toBe(new Date(instant).toISOString());
      expect({ asOf, ...values(response.body.rows[0].figures) }).toEqual({ asOf, ...expectedFigures(plans, instant, null) });
      expect(response.body.rows[0].figures.replyRate.definition).toBe('replied on time ÷ assigned');
    }
    const end = expectedFigures(plans, Date.parse('2026-07-18T16:00:00Z'), null);
    // The plan really mixes the outcomes the figures must tell apart.
    expect(end.repliedLate).toBeGreaterThan(20);
    expect(end.overdueOpen).toBeGreaterThan(3);
    expect(end.satisfiedRateFinal).not.toBe(end.satisfiedRateFirst);
    expect(end.keyFailed).toBe(1);
  });

  it('answers per unit, delegation, deputy and session', async () => {
    const end = Date.parse('2026-07-18T15:59:59.999Z');
    const byUnit = (await office.get(`/api/reports/figures?groupBy=UNIT&asOf=${AS_OF_END}`)).body.rows;
    expect(byUnit).toHaveLength(UNITS);
    for (let u = 0; u < UNITS; u++) {
      const row = byUnit.find((r: { key: string }) => r.key === unitIds[u]);
      expect({ u, ...values(row.figures) }).toEqual({ u, ...expectedFigures(plans, end, u) });
    }
    const byDelegation = (await office.get(`/api/reports/figures?groupBy=DELEGATION&asOf=${AS_OF_END}`)).body.rows;
    for (const [d, delegationId] of directory.delegationIds.entries()) {
      const row = byDelegation.find((r: { key: string }) => r.key === delegationId);
      expect(values(row.figures)).toEqual(expectedFigures(plans.filter((p) => p.lead % 3 === d), end, null));
    }
    const byDeputy = (await office.get(`/api/reports/figures?groupBy=DEPUTY&asOf=${AS_OF_END}`)).body.rows;
    expect(values(byDeputy.find((r: { key: string }) => r.key === directory.deputyIds[6]).figures)).toEqual(expectedFigures(plans.filter((p) => p.lead === 6), end, null));
    const bySession = (await office.get(`/api/reports/figures?groupBy=SESSION&asOf=${AS_OF_END}&sessionId=${directory.sessionId}`)).body.rows;
    expect(values(bySession[0].figures)).toEqual(expectedFigures(plans, end, null));
  });

  it('exports the figures as a styled spreadsheet whose cells hold the same numbers, and as CSV', async () => {
    const end = Date.parse('2026-07-18T15:59:59.999Z');
    const xlsx = await office.get(`/api/reports/figures?groupBy=UNIT&asOf=${AS_OF_END}&format=xlsx`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.pageSetup.orientation).toBe('landscape');
    const headers = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(headers[0]).toBe('承办单位');
    expect(headers).toContain('办复率 reply rate');
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toContain('replied on time ÷ assigned');
    const column = (name: string) => headers.indexOf(name) + 1;
    const unitNames = (await system.dataSource.query('SELECT id, name FROM handling_units WHERE jurisdiction_id = $1', [directory.jurisdictionId])) as Array<{ id: string; name: string }>;
    let checked = 0;
    for (let row = 5; row < 5 + UNITS; row++) {
      const name = sheet.getCell(row, 1).value;
      const u = unitIds.indexOf(unitNames.find((unit) => unit.name === name)!.id);
      const expected = expectedFigures(plans, end, u);
      expect({ name, assigned: sheet.getCell(row, column('交办件数 assigned')).value, replyRate: sheet.getCell(row, column('办复率 reply rate')).value,
        resolved: sheet.getCell(row, column('办成率 resolved rate')).value, final: sheet.getCell(row, column('最终满意率 satisfaction, final')).value })
        .toEqual({ name, assigned: expected.assigned, replyRate: expected.replyRate, resolved: expected.resolvedRate, final: expected.satisfiedRateFinal });
      expect(sheet.getCell(row, column('办复率 reply rate')).numFmt).toBe('0.00%');
      checked++;
    }
    expect(checked).toBe(UNITS);

    const csv = await office.get(`/api/reports/figures?groupBy=JURISDICTION&asOf=${AS_OF_END}&format=csv`);
    const [header, line] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toContain('办复率 reply rate [replied on time ÷ assigned]');
    expect(line.split(',')[4]).toBe(String(expectedFigures(plans, end, null).replyRate));
  });

  it('scores units with the profile formula and ranks them', async () => {
    const end = Date.parse('2026-07-18T15:59:59.999Z');
    const board = (await office.get(`/api/reports/unit-scoreboard?asOf=${AS_OF_END}`)).body;
    const weights = { replyRate: 30, onTimeRate: 10, resolvedRate: 20, solvedOrPlannedRate: 10, satisfiedOrBasicallyRateFinal: 20, contactRate: 10 };
    expect(board.formula).toMatchObject({ weights, overduePenalty: 1 });
    for (let u = 0; u < UNITS; u++) {
      const e = expectedFigures(plans, end, u);
      const expected = Math.round((Object.entries(weights).reduce((t, [k, w]) => t + w * ((e as Record<string, number | null>)[k] ?? 0), 0) - (e.overdueOpen + e.repliedLate)) * 100) / 100;
      expect({ u, score: board.rows.find((r: { key: string }) => r.key === unitIds[u]).score }).toEqual({ u, score: expected });
    }
    const scores = board.rows.map((r: { score: number }) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(board.rows[0].rank).toBe(1);
    const xlsx = await office.get('/api/reports/unit-scoreboard?format=xlsx');
    expect(xlsx.status).toBe(200);
  });

  it('keeps the deputy performance record and names those below the minimum', async () => {
    const record = (await office.get('/api/reports/deputies?year=2026')).body;
    for (let d = 0; d < 32; d++) {
      const row = record.rows.find((r: { deputyId: string }) => r.deputyId === directory.deputyIds[d]);
      const led = plans.filter((p) => p.lead === d).length;
      const cosigned = plans.filter((p) => p.cosigner === d).length;
      const feedbackGiven = plans.flatMap((p) => p.feedback).filter((f) => f.deputy === d).length;
      expect({ d, led: row.led, cosigned: row.cosigned, feedbackGiven: row.feedbackGiven, below: row.belowMinimum }).toEqual({ d, led, cosigned, feedbackGiven, below: led + cosigned < 1 });
    }
    expect(record.belowMinimum).toEqual([directory.deputyIds[30], directory.deputyIds[31]]);
    expect((await office.get('/api/reports/deputies?year=2025')).body.rows.every((r: { led: number }) => r.led === 0)).toBe(true);
    const own = await (await actorsOf(system, CODE)('deputy007')).get('/api/reports/deputies/me?year=2026');
    expect(own.body.rows).toEqual([expect.objectContaining({ deputyId: directory.deputyIds[6], led: 10 })]);
    const csv = await office.get('/api/reports/deputies?year=2026&format=csv');
    expect(csv.text.split('\r\n').length).toBe(32 + 2);
  });

  it('lists key suggestions with their vote results', async () => {
    const key = (await office.get(`/api/reports/key-suggestions?asOf=${AS_OF_END}`)).body.rows;
    expect(key.map((r: { id: string; result: string }) => [r.id, r.result]).sort()).toEqual(
      plans.filter((p) => p.key).map((p) => [ids[p.index], p.key]).sort(),
    );
    expect((await office.get(`/api/reports/key-suggestions?asOf=${AS_OF_MID}`)).body.rows.every((r: { result: string }) => r.result === 'PENDING')).toBe(true);
  });

  it('refuses bad parameters and callers who may not read reports', async () => {
    expect((await office.get('/api/reports/figures?groupBy=PLANET')).body.code).toBe('INVALID_INPUT');
    expect((await office.get('/api/reports/figures?asOf=2026-02-30')).status).toBe(400);
    expect((await office.get('/api/reports/figures?format=pdf')).status).toBe(400);
    expect((await office.get('/api/reports/figures?sessionId=00000000-0000-4000-8000-000000000000')).status).toBe(400);
    expect((await (await actorsOf(system, CODE)('jtj-staff')).get('/api/reports/figures')).status).toBe(403);
    expect((await (await actorsOf(system, CODE)('office')).get('/api/reports/deputies/me')).status).toBe(403);
    expect((await system.http().get('/api/reports/figures')).status).toBe(401);
  });
});
