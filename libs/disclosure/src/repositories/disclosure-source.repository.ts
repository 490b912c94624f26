import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface TenantScope {
  jurisdictionId: string;
}

export interface DisclosureDecision {
  mode: 'FULL' | 'SUMMARY' | 'WITHHELD';
  summary: string | null;
  reason: string | null;
  at: Date;
}

/** Everything a disclosure is built from, originals included: never hand this to a public caller as is. */
export interface DisclosureSource {
  id: string;
  jurisdictionId: string;
  sessionId: string;
  sessionName: string;
  sessionYear: number;
  number: number | null;
  title: string;
  content: string;
  category: string;
  state: string;
  classification: string | null;
  isKey: boolean;
  keyState: string | null;
  disclosureState: string | null;
  submittedAt: Date | null;
  leadDeputyName: string;
  delegationName: string | null;
  cosignerNames: string[];
  units: Array<{ unitId: string; name: string; role: string; round: number }>;
  replies: Array<{ unitId: string; unitName: string; round: number; classification: string; text: string; isFollowUp: boolean; repliedAt: Date }>;
  decision: DisclosureDecision | null;
  marks: string[];
}

export interface PublicFilter {
  sessionId?: string;
  category?: string;
  unitId?: string;
  classification?: string;
  year?: number;
}

/** Reads the rows a disclosure is made of, always within one jurisdiction. */
@Injectable()
export class DisclosureSourceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async jurisdictionIdByCode(code: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.dataSource.query('SELECT id FROM jurisdictions WHERE code = $1', [code]);
    return rows[0]?.id ?? null;
  }

  /** Published suggestions matching the filter, newest session and lowest number first. */
  async listPublished(scope: TenantScope, filter: PublicFilter, page: { limit: number; offset: number }): Promise<{ ids: string[]; total: number }> {
    const where = [`s.jurisdiction_id = $1`, `s.disclosure_state = 'published'`];
    const params: unknown[] = [scope.jurisdictionId];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.sessionId) add('s.session_id = ?', filter.sessionId);
    if (filter.category) add('s.category = ?', filter.category);
    if (filter.classification) add('s.classification = ?', filter.classification);
    if (filter.year) add('cs.year = ?', filter.year);
    if (filter.unitId) add('EXISTS (SELECT 1 FROM assignments fa WHERE fa.suggestion_id = s.id AND fa.unit_id = ? AND fa.active)', filter.unitId);
    const from = `FROM suggestions s JOIN congress_sessions cs ON cs.id = s.session_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, params);
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT s.id ${from} ORDER BY cs.year DESC, cs.term DESC, cs.session_number DESC, s.number ASC, s.id ASC
        LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}`,
      params,
    );
    return { ids: rows.map((row) => row.id), total };
  }

  async publishedIdByNumber(scope: TenantScope, sessionId: string, number: number): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM suggestions WHERE jurisdiction_id = $1 AND session_id = $2 AND number = $3 AND disclosure_state = 'published'`,
      [scope.jurisdictionId, sessionId, number],
    );
    return rows[0]?.id ?? null;
  }

  /** Filter values a portal offers: sessions, units and years that have something published. */
  async publicFacets(scope: TenantScope) {
    const [sessions, units] = await Promise.all([
      this.dataSource.query(
        `SELECT cs.id, cs.name, cs.year, count(s.id)::int AS published FROM congress_sessions cs
           LEFT JOIN suggestions s ON s.session_id = cs.id AND s.disclosure_state = 'published'
          WHERE cs.jurisdiction_id = $1 GROUP BY cs.id ORDER BY cs.year DESC, cs.term DESC, cs.session_number DESC`,
        [scope.jurisdictionId],
      ),
      this.dataSource.query(
        `SELECT u.id, u.name FROM handling_units u WHERE u.jurisdiction_id = $1 ORDER BY u.code`,
        [scope.jurisdictionId],
      ),
    ]);
    return { sessions, units } as {
      sessions: Array<{ id: string; name: string; year: number; published: number }>;
      units: Array<{ id: string; name: string }>;
    };
  }

  /** Suggestions waiting for the disclosure decision, with the due date of the DISCLOSURE deadline. */
  async pendingDecisions(scope: TenantScope): Promise<Array<{ id: string; number: number | null; title: string; dueAt: Date | null }>> {
    return this.dataSource.query(
      `SELECT s.id, s.number, s.title,
              (SELECT min(d.due_at) FROM deadlines d WHERE d.instance_id = s.id AND d.kind = 'DISCLOSURE' AND d.status = 'OPEN') AS "dueAt"
         FROM suggestions s WHERE s.jurisdiction_id = $1 AND s.disclosure_state = 'pending'
        ORDER BY "dueAt" ASC NULLS LAST, s.number ASC`,
      [scope.jurisdictionId],
    );
  }

  async loadOne(manager: EntityManager, scope: TenantScope, id: string): Promise<DisclosureSource | null> {
    return (await this.load(manager, scope, [id]))[0] ?? null;
  }

  /** Sources of the given suggestions, in the order of `ids`. */
  async load(manager: EntityManager, scope: TenantScope, ids: string[]): Promise<DisclosureSource[]> {
    if (ids.length === 0) return [];
    const params = [scope.jurisdictionId, ids];
    // One after another: inside a transaction the manager holds a single connection, which runs one query at a time.
    const queries: Array<() => Promise<unknown[]>> = [
      () => manager.query(
        `SELECT s.id, s.jurisdiction_id AS "jurisdictionId", s.session_id AS "sessionId", cs.name AS "sessionName", cs.year AS "sessionYear",
                s.number, s.title, s.content, s.category, s.state, s.classification, s.is_key AS "isKey", s.key_state AS "keyState",
                s.disclosure_state AS "disclosureState", s.submitted_at AS "submittedAt", d.name AS "leadDeputyName", dl.name AS "delegationName"
           FROM suggestions s JOIN congress_sessions cs ON cs.id = s.session_id JOIN deputies d ON d.id = s.lead_deputy_id
           LEFT JOIN delegations dl ON dl.id = s.delegation_id
          WHERE s.jurisdiction_id = $1 AND s.id = ANY($2::uuid[])`,
        params,
      ),
      () => manager.query(
        `SELECT sp.suggestion_id AS "suggestionId", d.name FROM suggestion_proposers sp JOIN deputies d ON d.id = sp.deputy_id
          WHERE sp.jurisdiction_id = $1 AND sp.suggestion_id = ANY($2::uuid[]) AND sp.role = 'COSIGNER' AND sp.status = 'CONFIRMED'
          ORDER BY d.deputy_number`,
        params,
      ),
      () => manager.query(
        `SELECT a.suggestion_id AS "suggestionId", a.unit_id AS "unitId", u.name, a.role, a.round FROM assignments a
           JOIN handling_units u ON u.id = a.unit_id
          WHERE a.jurisdiction_id = $1 AND a.suggestion_id = ANY($2::uuid[]) AND a.active ORDER BY a.round, a.role, u.code`,
        params,
      ),
      () => manager.query(
        `SELECT r.suggestion_id AS "suggestionId", r.unit_id AS "unitId", u.name AS "unitName", r.round, r.classification, r.text,
                r.is_follow_up AS "isFollowUp", r.replied_at AS "repliedAt"
           FROM replies r JOIN handling_units u ON u.id = r.unit_id
          WHERE r.jurisdiction_id = $1 AND r.suggestion_id = ANY($2::uuid[]) ORDER BY r.replied_at, r.id`,
        params,
      ),
      // The decision's summary lives only in the audit entry of DECIDE_DISCLOSURE; the latest one counts.
      () => manager.query(
        `SELECT DISTINCT ON (instance_id) instance_id AS "suggestionId", payload, at FROM audit_events
          WHERE jurisdiction_id = $1 AND workflow = 'suggestion' AND instance_id = ANY($2::uuid[]) AND event_type = 'DECIDE_DISCLOSURE'
          ORDER BY instance_id, seq DESC`,
        params,
      ),
      () => manager.query(
        `SELECT suggestion_id AS "suggestionId", passage FROM disclosure_redactions
          WHERE jurisdiction_id = $1 AND suggestion_id = ANY($2::uuid[]) AND removed_at IS NULL`,
        params,
      ),
    ];
    const results: unknown[][] = [];
    for (const query of queries) results.push(await query());
    const [rows, cosigners, units, replies, decisions, marks] = results;
    const of = <T extends { suggestionId: string }>(list: T[], id: string) => list.filter((item) => item.suggestionId === id);
    const byId = new Map<string, DisclosureSource>();
    for (const row of rows as DisclosureSource[]) {
      const decision = (decisions as Array<{ suggestionId: string; payload: Record<string, unknown>; at: Date }>).find((d) => d.suggestionId === row.id);
      byId.set(row.id, {
        ...row,
        cosignerNames: of(cosigners as Array<{ suggestionId: string; name: string }>, row.id).map((c) => c.name),
        units: of(units as Array<DisclosureSource['units'][number] & { suggestionId: string }>, row.id).map(({ suggestionId: _s, ...unit }) => unit),
        replies: of(replies as Array<DisclosureSource['replies'][number] & { suggestionId: string }>, row.id).map(({ suggestionId: _s, ...reply }) => reply),
        decision: decision
          ? {
              mode: decision.payload.mode as DisclosureDecision['mode'],
              summary: typeof decision.payload.summary === 'string' ? decision.payload.summary : null,
              reason: typeof decision.payload.reason === 'string' ? decision.payload.reason : null,
              at: decision.at,
            }
          : null,
        marks: of(marks as Array<{ suggestionId: string; passage: string }>, row.id).map((m) => m.passage),
      });
    }
    return ids.map((id) => byId.get(id)).filter((source): source is DisclosureSource => source !== undefined);
  }
}
