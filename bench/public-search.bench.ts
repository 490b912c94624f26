import { Pool } from 'pg';
import { SearchIndexService } from '@app/disclosure';
import { PUBLIC_SEARCH_SQL } from '../libs/disclosure/src/repositories/search.repository';
import { buildTsQuery } from '../libs/disclosure/src/utils/build-ts-query.util';
import { segmentForIndex } from '../libs/disclosure/src/utils/segment-text.util';
import { BenchSystem, runConcurrently } from './support/bench-system';
import { benchHttpClient, expectStatus } from './support/http-client';
import { corpusDocument, corpusSentences, SEARCH_QUERIES } from './support/search-corpus';

const CLIENTS = 8;
const PAGE_SIZE = 20;
const CHUNK = 10_000;
const SESSIONS = 10;
const VERIFIED_ROWS = 24;

export interface PublicSearchResult {
  documents: number;
  seedSeconds: number;
  requests: number;
  baselinePerSecond: number;
  apiPerSecond: number;
  ratio: number;
  baselineP50Ms: number;
  apiP50Ms: number;
  baselineP99Ms: number;
  apiP99Ms: number;
}

/** Title words weigh more than body words, as in the search repository. */
const VECTOR = (title: string, body: string) => `setweight(to_tsvector('simple', ${title}), 'A') || setweight(to_tsvector('simple', ${body}), 'B')`;

/** One suggestion driven through the real pipeline up to publication: filed, accepted, assigned, replied, disclosed. */
async function publishedTemplate(system: BenchSystem): Promise<string> {
  const [deputy, office, staff, head] = await Promise.all(['deputy001', 'office', 'jtj-staff', 'jtj-head'].map((name) => system.user(name)));
  const unit = system.directory.unitIds[6];
  const doc = corpusDocument(0);
  const created = await system.service.create(deputy, {
    sessionId: system.directory.sessionId, title: doc.title, content: '模板内容。', category: doc.category, duringSession: true, agreesToDisclosure: true,
  });
  await system.service.sendEvent(deputy, created.id, { type: 'SUBMIT' });
  await system.service.sendEvent(office, created.id, { type: 'ACCEPT' });
  await system.service.sendEvent(office, created.id, { type: 'ASSIGN', mode: 'LEAD_WITH_CO_UNITS', leadUnitId: unit, unitIds: [unit] });
  await system.service.sendEvent(staff, created.id, { type: 'RECORD_CONTACT', method: 'MEETING', contactedAt: new Date(Date.now() - 3_600_000).toISOString(), participants: '领衔代表' });
  await system.service.sendEvent(head, created.id, {
    type: 'REPLY', classification: 'A', text: '模板答复。', signedBy: '局长', contactPerson: '张明', contactPhone: '0513-80000006', agreesToDisclosure: true,
  });
  await system.service.sendEvent(office, created.id, { type: 'DECIDE_DISCLOSURE', mode: 'FULL' });
  const [row] = await system.dataSource.query('SELECT disclosure_state AS state FROM suggestions WHERE id = $1', [created.id]);
  if (row.state !== 'published') throw new Error(`the template suggestion is ${row.state}, not published`);
  return created.id;
}

/** The jurisdiction's sessions to spread documents over: the seeded one and earlier ones. */
async function sessions(system: BenchSystem): Promise<string[]> {
  const ids = [system.directory.sessionId];
  for (let n = 1; n < SESSIONS; n++) {
    const [row] = await system.dataSource.query(
      'INSERT INTO congress_sessions (jurisdiction_id, term, session_number, name, year) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [system.directory.jurisdictionId, 16 - Math.floor(n / 6), (n % 6) + 1, `第${16 - Math.floor(n / 6)}届人民代表大会第${(n % 6) + 1}次会议`, 2026 - n],
    );
    ids.push(row.id);
  }
  return ids;
}

/**
 * `count` published suggestions cloned from the template in bulk SQL, with their own titles, contents and replies, and
 * their search documents written as the index writes them: jieba's search-mode words of title and body, weighted A and B.
 * Each distinct title and sentence is segmented once in Node; a document's body words are its sentences' words in order.
 */
async function seed(system: BenchSystem, templateId: string, count: number): Promise<string[]> {
  const sentences = corpusSentences();
  const sentenceWords = sentences.map((sentence) => segmentForIndex(sentence).join(' '));
  const titleWords = new Map<string, string>();
  const sessionIds = await sessions(system);
  const numbers = new Map<string, number>([[system.directory.sessionId, 1]]);
  const ids: string[] = [];
  for (let from = 0; from < count; from += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, count - from) }, (_, i) => {
      const n = from + i + 1;
      const doc = corpusDocument(n);
      const sessionId = sessionIds[n % SESSIONS];
      const number = (numbers.get(sessionId) ?? 0) + 1;
      numbers.set(sessionId, number);
      if (!titleWords.has(doc.title)) titleWords.set(doc.title, segmentForIndex(doc.title).join(' '));
      return {
        sessionId, number, title: doc.title, category: doc.category,
        content: doc.contentSentences.map((s) => sentences[s]).join(''),
        reply: doc.replySentences.map((s) => sentences[s]).join(''),
        titleWords: titleWords.get(doc.title) as string,
        bodyWords: [...doc.contentSentences, ...doc.replySentences].map((s) => sentenceWords[s]).join(' '),
      };
    });
    const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
    const inserted: Array<{ id: string }> = await system.dataSource.query(
      `WITH rows AS (
         SELECT gen_random_uuid() AS id, r.* FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           AS r(session_id, number, title, category, content, reply, title_words, body_words)),
       instances AS (
         INSERT INTO workflow_instances (id, jurisdiction_id, workflow, machine_version, snapshot, version, last_event_hash, created_at, updated_at)
         SELECT r.id, wi.jurisdiction_id, wi.workflow, wi.machine_version, wi.snapshot, wi.version, wi.last_event_hash, now(), now()
           FROM rows r, workflow_instances wi WHERE wi.id = $1),
       suggestions AS (
         INSERT INTO suggestions (id, jurisdiction_id, session_id, number, title, content, category, during_session, lead_deputy_id, delegation_id,
                                  agrees_to_disclosure, requests_confidentiality, state, round, classification, overdue, is_key, key_state,
                                  disclosure_state, submitted_at)
         SELECT r.id, s.jurisdiction_id, r.session_id, r.number, r.title, r.content, r.category, s.during_session, s.lead_deputy_id, s.delegation_id,
                s.agrees_to_disclosure, s.requests_confidentiality, s.state, s.round, s.classification, s.overdue, s.is_key, s.key_state,
                s.disclosure_state, s.submitted_at
           FROM rows r, suggestions s WHERE s.id = $1),
       proposers AS (
         INSERT INTO suggestion_proposers (suggestion_id, deputy_id, jurisdiction_id, role, status, via_suggestion_id)
         SELECT r.id, p.deputy_id, p.jurisdiction_id, p.role, p.status, p.via_suggestion_id FROM rows r, suggestion_proposers p WHERE p.suggestion_id = $1),
       assignments AS (
         INSERT INTO assignments (suggestion_id, unit_id, round, jurisdiction_id, role, acknowledged, adjustment_requested, contacts, opinion_given,
                                  reply_due_at, overdue, classification, active, assigned_at)
         SELECT r.id, a.unit_id, a.round, a.jurisdiction_id, a.role, a.acknowledged, a.adjustment_requested, a.contacts, a.opinion_given,
                a.reply_due_at, a.overdue, a.classification, a.active, a.assigned_at FROM rows r, assignments a WHERE a.suggestion_id = $1),
       replies AS (
         INSERT INTO replies (jurisdiction_id, suggestion_id, unit_id, round, classification, text, signed_by, contact_person, contact_phone,
                              agrees_to_disclosure, is_follow_up, preceded_by_contact, on_time, replied_at)
         SELECT rp.jurisdiction_id, r.id, rp.unit_id, rp.round, rp.classification, r.reply, rp.signed_by, rp.contact_person, rp.contact_phone,
                rp.agrees_to_disclosure, rp.is_follow_up, rp.preceded_by_contact, rp.on_time, rp.replied_at FROM rows r, replies rp WHERE rp.suggestion_id = $1)
       INSERT INTO search_documents (suggestion_id, jurisdiction_id, session_id, number, is_public, staff_title, staff_body, staff_vector,
                                     public_title, public_body, public_vector, indexed_at)
       SELECT r.id, d.jurisdiction_id, r.session_id, r.number, true, r.title, r.content || E'\\n' || r.reply, ${VECTOR('r.title_words', 'r.body_words')},
              r.title, r.content || E'\\n' || r.reply, ${VECTOR('r.title_words', 'r.body_words')}, now()
         FROM rows r, search_documents d WHERE d.suggestion_id = $1
       RETURNING suggestion_id AS id`,
      [templateId, column('sessionId'), column('number'), column('title'), column('category'), column('content'), column('reply'), column('titleWords'), column('bodyWords')],
    );
    ids.push(...inserted.map((row) => row.id));
  }
  await system.dataSource.query('VACUUM ANALYZE search_documents');
  await system.dataSource.query('ANALYZE suggestions');
  return ids;
}

/** Proof that the bulk rows are what the disclosure pipeline writes: re-indexing samples through it changes none of them. */
async function verifySeeded(system: BenchSystem, ids: string[]): Promise<void> {
  const read = (id: string) => system.dataSource.query(
    `SELECT number, is_public, staff_title, staff_body, staff_vector::text, public_title, public_body, public_vector::text FROM search_documents WHERE suggestion_id = $1`,
    [id],
  ).then((rows: unknown[]) => JSON.stringify(rows));
  const index = system.api.get(SearchIndexService);
  for (let k = 0; k < VERIFIED_ROWS; k++) {
    const id = ids[Math.floor((k * ids.length) / VERIFIED_ROWS)];
    const seeded = await read(id);
    await system.dataSource.transaction((manager) => index.reindex(manager, { jurisdictionId: system.directory.jurisdictionId }, id));
    const indexed = await read(id);
    if (seeded !== indexed) throw new Error(`seeded search document ${id} differs from the pipeline's:\n${seeded}\n${indexed}`);
  }
}

/**
 * Benchmark 5: the public portal's Chinese search over `count` disclosed suggestions, requests per second and p99 over
 * HTTP (segmentation, query, ranking, snippets), against the endpoint's own statement (the repository's PUBLIC_SEARCH_SQL) run
 * bare with `pg`.
 */
export async function benchPublicSearch(system: BenchSystem, count: number, requests: number): Promise<PublicSearchResult> {
  const started = process.hrtime.bigint();
  const templateId = await publishedTemplate(system);
  const ids = await seed(system, templateId, count - 1);
  const seedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  await verifySeeded(system, ids);

  const pool = new Pool({ connectionString: system.config.DATABASE_URL, max: CLIENTS });
  const http = benchHttpClient(system.baseUrl, CLIENTS);
  const { jurisdictionId, code } = system.directory;
  const tsQueries = SEARCH_QUERIES.map((q) => buildTsQuery(q)?.tsQuery as string);
  try {
    const bare = async (call: number) => {
      const { rows } = await pool.query(PUBLIC_SEARCH_SQL, [tsQueries[call % tsQueries.length], jurisdictionId, PAGE_SIZE, 0]);
      return { total: rows[0].total as number, ids: rows.filter((row) => row.suggestionId !== null).map((row) => row.suggestionId as string) };
    };
    const overHttp = async (call: number) => {
      const q = encodeURIComponent(SEARCH_QUERIES[call % SEARCH_QUERIES.length]);
      const body = expectStatus(await http.call<{ total: number; items: Array<{ id: string }> }>('GET', `/api/public/${code}/search?q=${q}&pageSize=${PAGE_SIZE}`), 200, 'a search');
      return { total: body.total, ids: body.items.map((item) => item.id) };
    };
    // Warm both, and check they find the same documents in the same order for every query.
    for (let call = 0; call < SEARCH_QUERIES.length; call++) {
      const [expected, answered] = [await bare(call), await overHttp(call)];
      if (expected.total === 0 || JSON.stringify(expected) !== JSON.stringify(answered)) {
        throw new Error(`"${SEARCH_QUERIES[call]}": the api answered ${answered.total} hits, the bare query ${expected.total}`);
      }
    }
    const baseline = await runConcurrently({ clients: CLIENTS, total: requests }, (_, call) => bare(call).then(() => undefined));
    const api = await runConcurrently({ clients: CLIENTS, total: requests }, (_, call) => overHttp(call).then(() => undefined));
    return {
      documents: count, seedSeconds: +seedSeconds.toFixed(1), requests,
      baselinePerSecond: Math.round(baseline.perSecond), apiPerSecond: Math.round(api.perSecond), ratio: +(api.perSecond / baseline.perSecond).toFixed(2),
      baselineP50Ms: +baseline.p50.toFixed(1), apiP50Ms: +api.p50.toFixed(1), baselineP99Ms: +baseline.p99.toFixed(1), apiP99Ms: +api.p99.toFixed(1),
    };
  } finally {
    await pool.end();
    http.close();
  }
}
