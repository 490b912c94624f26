/**
 * The authorization matrix, generated from the access policy (libs/accounts/src/policy/access.policy.ts):
 * 1. every route the api publishes (read from its OpenAPI document, where each route states its rule) × every role
 *    and the anonymous public → 401 / 403 exactly where the policy denies;
 * 2. every suggestion event type × every role and relationship → 404 where the policy hides the suggestion,
 *    403 where it forbids the event, and otherwise on to the machine (409: the suggestion is final, so nothing moves).
 * Expected answers come from the policy functions; the answers come over HTTP through the guard, the SQL read
 * condition and the engine, so any place that decides on its own shows up as a mismatch.
 */
import { randomUUID } from 'node:crypto';
import { Role, type Actor } from '@app/workflows/common/actor';
import type { SuggestionContext, SuggestionEventType } from '@app/workflows/suggestion';
import {
  can,
  Capability,
  maySeeSuggestion,
  maySendSuggestionEvent,
  OPENAPI_CAPABILITY,
  OPENAPI_PUBLIC,
  suggestionEventTypes,
  SuggestionReadFacts,
} from '@app/accounts';
import { seedDirectory, SeededDirectory } from '../scripts/demo/seed-directory';
import { actorsOf, ActingClient } from './support/actors';
import { startTestSystem, TestSystem } from './support/test-system';

const CODE = 'authz-matrix';

/**
 * Routes whose every role check is the policy's. Other modules (disclosure, reports, meetings, search) still check
 * roles in their services: there the matrix holds them to the authentication half only (401 for the public, never
 * for a signed-in user) until they declare @RequireCapability.
 */
const POLICY_ROUTES = /^\/api\/(auth|admin|rosters|deputies|suggestions|inbox|notifications|sessions|delegations|units|profile|health)(\/|$)/;

/** One signed-in user per role, plus the relationships that change what a role may do. */
const PERSONAS = [
  'deputy001', // DEPUTY, lead of both suggestions
  'deputy002', // DEPUTY, confirmed co-signer of S
  'deputy003', // DEPUTY, invited (never confirmed) co-signer of D
  'deputy004', // DEPUTY, unrelated
  'jtj-staff', // UNIT_STAFF of the lead unit
  'jtj-head', // UNIT_HEAD + UNIT_STAFF of the lead unit
  'zjj-staff', // UNIT_STAFF of the co-unit
  'fgj-head', // UNIT_HEAD of a unit never assigned
  'office', // OFFICE
  'gov-office', // GOV_OFFICE
  'gov-leader', // GOV_LEADER leading S
  'sc-leader', // SC_LEADER supervising S (also COUNCIL_MEMBER, SC_MEMBER)
  'council', // COUNCIL_MEMBER + SC_MEMBER
  'member', // SC_MEMBER
  'admin', // ADMIN
] as const;

describe('authorization matrix (generated from the access policy)', () => {
  let system: TestSystem;
  let directory: SeededDirectory;
  let as: (username: string) => Promise<ActingClient>;
  const actors = new Map<string, Actor>();

  beforeAll(async () => {
    system = await startTestSystem({ withWorker: false });
    directory = await seedDirectory(system.dataSource, { code: CODE, name: '授权矩阵县', deputies: 6 });
    as = actorsOf(system, CODE);
    for (const username of PERSONAS) {
      const me = (await (await as(username)).get('/api/auth/me').expect(200)).body;
      actors.set(username, { userId: me.userId, roles: me.roles, deputyId: me.deputyId, unitId: me.unitId });
    }
  });

  afterAll(async () => system.close());

  it('covers every role a person can hold', () => {
    const held = new Set([...actors.values()].flatMap((actor) => actor.roles));
    expect([...held].sort()).toEqual(Object.values(Role).filter((role) => role !== Role.SYSTEM).sort());
  });

  describe('every route × every role', () => {
    it('answers 401 to the anonymous public and 403 exactly where the policy denies the route capability', async () => {
      const document = (await system.http().get('/api/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, Record<string, unknown>>>;
      };
      const mismatches: string[] = [];
      let checked = 0;
      for (const [template, operations] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          const path = template.replace(/\{[^}]+\}/g, () => randomUUID());
          const isPublic = operation[OPENAPI_PUBLIC] === true;
          const capability = operation[OPENAPI_CAPABILITY] as Capability | undefined;

          const anonymous = await request(method, path);
          if (!isPublic && anonymous.status !== 401) mismatches.push(`anonymous ${method} ${template}: ${anonymous.status}, expected 401`);
          if (isPublic && anonymous.status === 401) mismatches.push(`anonymous ${method} ${template}: 401 on a public route`);

          for (const username of PERSONAS) {
            // Signing out would end the session the rest of the matrix uses: it gets a session of its own.
            const token = template.endsWith('/logout') ? await freshToken(username) : await tokenOf(username);
            const answer = await request(method, path, token);
            const allowed = !capability || can(actors.get(username) as Actor, capability);
            checked++;
            if (!capability && !POLICY_ROUTES.test(template)) {
              if (answer.status === 401) mismatches.push(`${username} ${method} ${template}: 401 for a signed-in user`);
              continue;
            }
            if (!allowed && !(answer.status === 403 && answer.body.code === 'CAPABILITY_FORBIDDEN')) {
              mismatches.push(`${username} ${method} ${template}: ${answer.status}, expected 403 (${capability})`);
            }
            if (allowed && (answer.status === 401 || answer.status === 403 || answer.status >= 500)) {
              mismatches.push(`${username} ${method} ${template}: ${answer.status} ${answer.body.code}, expected the route to let them in`);
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(20 * PERSONAS.length);
    }, 180_000);
  });

  describe('every suggestion event × every role and relationship', () => {
    let full: string;
    let draft: string;

    beforeAll(async () => {
      const lead = await as('deputy001');
      const office = await as('office');
      const file = async (cosignerIds: string[]) =>
        (await lead.post('/api/suggestions', {
          sessionId: directory.sessionId, title: '关于改善农村饮水的建议', content: '建议加快管网改造。', category: '农业农村',
          duringSession: true, agreesToDisclosure: true, cosignerIds,
        }).expect(201)).body.id as string;

      // S: co-signed, accepted, assigned to a lead unit and a co-unit, chosen as key, then withdrawn (final).
      full = await file([directory.deputyIds[1]]);
      await (await as('deputy002')).send(full, { type: 'CONFIRM_COSIGN' });
      await lead.send(full, { type: 'SUBMIT' });
      await office.send(full, { type: 'ACCEPT' });
      await office.send(full, { type: 'ASSIGN', mode: 'LEAD_WITH_CO_UNITS', unitIds: [unit('JTJ'), unit('ZJJ')], leadUnitId: unit('JTJ') });
      await office.send(full, { type: 'MARK_KEY', leadingLeaderId: directory.users['gov-leader'], supervisingLeaderId: directory.users['sc-leader'] });
      await lead.send(full, { type: 'WITHDRAW', reason: '问题已解决' });
      // D: a draft with an invited co-signer, withdrawn before submission (final).
      draft = await file([directory.deputyIds[2]]);
      await lead.send(draft, { type: 'WITHDRAW', reason: '重新起草' });
    });

    it.each(['full', 'draft'])('decides reads and every event of the %s suggestion as the policy does', async (which) => {
      const id = which === 'full' ? full : draft;
      const { facts, context, state } = await factsOf(id);
      expect(state).toBe('withdrawn');
      const mismatches: string[] = [];
      for (const username of PERSONAS) {
        const actor = actors.get(username) as Actor;
        const client = await as(username);
        const visible = maySeeSuggestion(actor, facts);
        const read = await client.get(`/api/suggestions/${id}`);
        if (read.status !== (visible ? 200 : 404)) mismatches.push(`${username} GET: ${read.status}, expected ${visible ? 200 : 404}`);
        const listed = ((await client.get('/api/suggestions?pageSize=100').expect(200)).body.items as Array<{ id: string }>).some((s) => s.id === id);
        if (listed !== visible) mismatches.push(`${username} list: ${listed ? 'shown' : 'hidden'}, expected ${visible ? 'shown' : 'hidden'}`);

        for (const type of suggestionEventTypes) {
          const expected = !visible ? 404 : maySendSuggestionEvent(type, actor, context) ? 409 : 403;
          const answer = await client.post(`/api/suggestions/${id}/events`, validEvent(type, id));
          if (answer.status !== expected) mismatches.push(`${username} ${type}: ${answer.status} ${answer.body.code}, expected ${expected}`);
        }
      }
      expect(mismatches).toEqual([]);
    }, 120_000);

    it('anchors the generated expectations to the rules as written', async () => {
      const { facts, context } = await factsOf(full);
      const actor = (username: string) => actors.get(username) as Actor;
      expect(maySendSuggestionEvent('ACCEPT', actor('office'), context)).toBe(true);
      expect(maySendSuggestionEvent('ACCEPT', actor('deputy001'), context)).toBe(false);
      expect(maySendSuggestionEvent('REPLY', actor('jtj-staff'), context)).toBe(true);
      expect(maySendSuggestionEvent('REPLY', actor('fgj-head'), context)).toBe(false);
      expect(maySendSuggestionEvent('GIVE_FEEDBACK', actor('deputy002'), context)).toBe(true);
      expect(maySeeSuggestion(actor('gov-leader'), facts)).toBe(true);
      expect(maySeeSuggestion(actor('deputy004'), facts)).toBe(false);
      expect(maySeeSuggestion(actor('admin'), facts)).toBe(false);
    });
  });

  // ---------------------------------------------------------------- helpers

  const tokens = new Map<string, string>();
  async function freshToken(username: string): Promise<string> {
    const login = await system.http().post('/api/auth/demo-login').send({ jurisdictionCode: CODE, username }).expect(200);
    return login.body.accessToken as string;
  }
  async function tokenOf(username: string): Promise<string> {
    if (!tokens.has(username)) tokens.set(username, await freshToken(username));
    return tokens.get(username) as string;
  }

  function request(method: string, path: string, token?: string) {
    const call = (system.http() as unknown as Record<string, (p: string) => import('supertest').Test>)[method](path);
    if (token) call.set('Authorization', `Bearer ${token}`);
    return ['post', 'put', 'patch'].includes(method) ? call.send({}) : call;
  }

  function unit(code: string): string {
    const index = ['FGJ', 'JYJ', 'GAJ', 'CZJ', 'ZRZYJ', 'ZJJ', 'JTJ', 'NYJ', 'WJW', 'HBJ', 'FY', 'JCY'].indexOf(code);
    return directory.unitIds[index];
  }

  async function factsOf(id: string): Promise<{ facts: SuggestionReadFacts; context: SuggestionContext; state: string }> {
    const [row] = await system.dataSource.query(
      `SELECT s.state, s.is_key, s.disclosure_state, wi.snapshot -> 'context' AS context,
              ARRAY(SELECT deputy_id::text FROM suggestion_proposers WHERE suggestion_id = s.id) AS proposers,
              ARRAY(SELECT unit_id::text FROM assignments WHERE suggestion_id = s.id) AS units
         FROM suggestions s JOIN workflow_instances wi ON wi.id = s.id WHERE s.id = $1`,
      [id],
    );
    const context = row.context as SuggestionContext;
    return {
      state: row.state,
      context,
      facts: {
        proposerDeputyIds: row.proposers, unitIds: row.units, isKey: row.is_key, disclosureState: row.disclosure_state,
        leadingLeaderId: context.key?.leadingLeaderId ?? null, supervisingLeaderId: context.key?.supervisingLeaderId ?? null,
      },
    };
  }

  /** A payload that passes validation and reference checks for each type, so only authorization and state decide. */
  function validEvent(type: SuggestionEventType, self: string): Record<string, unknown> {
    const payloads: Record<SuggestionEventType, Record<string, unknown>> = {
      INVITE_COSIGNER: { deputyId: directory.deputyIds[4] },
      REMOVE_COSIGNER: { deputyId: directory.deputyIds[4] },
      CONFIRM_COSIGN: {},
      DECLINE_COSIGN: {},
      SUBMIT: {},
      WITHDRAW: { reason: '撤回' },
      ACCEPT: {},
      MERGE: { targetSuggestionId: self, reason: '内容相同' },
      ABSORB: { sourceSuggestionId: randomUUID(), proposers: [] },
      CONVERT_TO_LETTER: { reason: '属于来信' },
      REJECT: { reason: '不属于本级职权' },
      ASSIGN: { mode: 'LEAD_WITH_CO_UNITS', unitIds: [unit('JTJ')], leadUnitId: unit('JTJ') },
      ACKNOWLEDGE: {},
      REQUEST_ADJUSTMENT: { reason: '不属于本单位职责' },
      DECIDE_ADJUSTMENT: { unitId: unit('JTJ'), approve: false, reason: '维持交办' },
      RECORD_CONTACT: { method: 'PHONE', contactedAt: '2026-03-10T02:00:00Z', participants: '领衔代表' },
      SUBMIT_OPINION: { text: '同意。' },
      REQUEST_EXTENSION: { reason: '情况复杂', requestedDueAt: '2026-09-10T00:00:00Z' },
      DECIDE_EXTENSION: { unitId: unit('JTJ'), approve: false },
      REPLY: { text: '已办理。', classification: 'A', signedBy: '局长', contactPerson: '张三', contactPhone: '0513-80001234', agreesToDisclosure: true },
      GIVE_FEEDBACK: { handlingWork: 'SATISFIED', result: 'SATISFIED' },
      REASSIGN_FOR_REHANDLING: { mode: 'LEAD_WITH_CO_UNITS', unitIds: [unit('JTJ')], leadUnitId: unit('JTJ') },
      FOLLOW_UP_REPLY: { text: '已解决。', classification: 'A' },
      FOLLOW_UP_EXPLAIN: { text: '暂无法解决。' },
      MARK_KEY: { leadingLeaderId: directory.users['gov-leader'], supervisingLeaderId: directory.users['sc-leader'] },
      UNMARK_KEY: { reason: '不再列为重点' },
      RECORD_HEARING: { meetingId: randomUUID(), opinion: '同意。' },
      RECORD_VOTE_RESULT: { voteSessionId: randomUUID(), passed: true },
      CLOSE: {},
      DECIDE_DISCLOSURE: { mode: 'FULL' },
      DEADLINE_PASSED: { deadlineKey: 'ASSIGNMENT' },
    };
    return { type, ...payloads[type] };
  }
});
