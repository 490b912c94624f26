import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '@app/accounts';
import { applyReadPolicy } from '@app/suggestions';
import type { TenantScope } from './disclosure-source.repository';

export interface SearchDocumentInput {
  suggestionId: string;
  jurisdictionId: string;
  sessionId: string;
  number: number | null;
  isPublic: boolean;
  staffTitle: string;
  staffBody: string;
  /** Space-joined jieba tokens of the title and of the body. */
  staffTokens: { title: string; body: string };
  publicTitle: string | null;
  publicBody: string | null;
  publicTokens: { title: string; body: string } | null;
  at: Date;
}

export interface SearchHit {
  suggestionId: string;
  rank: number;
  title: string;
  body: string;
  content: string;
  number: number | null;
  sessionId: string;
  sessionName: string;
  category: string;
  classification: string | null;
  state: string;
}

export interface SessionOrder {
  year: number;
  term: number;
  sessionNumber: number;
}

// Title words weigh more than body words in the ranking (A > B).
const VECTOR = (title: string, body: string) => `setweight(to_tsvector('simple', ${title}), 'A') || setweight(to_tsvector('simple', ${body}), 'B')`;

/**
 * Public search in one statement ($1 tsquery text, $2 jurisdiction, $3 limit, $4 offset). Every match is ranked and
 * counted inside search_documents alone (number is copied there for the tie-break); only the page shown is joined to
 * its suggestion and session. The count row comes back even when the page is empty, with null page columns.
 */
export const PUBLIC_SEARCH_SQL = `WITH matches AS (
    SELECT d.suggestion_id, d.number, ts_rank_cd(d.public_vector, to_tsquery('simple', $1)) AS rank
      FROM search_documents d
     WHERE d.jurisdiction_id = $2 AND d.is_public AND d.public_vector @@ to_tsquery('simple', $1)),
  page AS (SELECT * FROM matches ORDER BY rank DESC, number ASC, suggestion_id ASC LIMIT $3 OFFSET $4)
SELECT t.total, s.id AS "suggestionId", page.rank, d.public_title AS title, d.public_body AS body, d.public_body AS content,
       s.number AS number, s.session_id AS "sessionId", cs.name AS "sessionName", s.category AS category,
       s.classification AS classification, s.state AS state
  FROM (SELECT count(*)::int AS total FROM matches) t
  LEFT JOIN (page INNER JOIN search_documents d ON d.suggestion_id = page.suggestion_id
                  INNER JOIN suggestions s ON s.id = page.suggestion_id
                  INNER JOIN congress_sessions cs ON cs.id = s.session_id) ON true
 ORDER BY page.rank DESC, page.number ASC, page.suggestion_id ASC`;

/** The full-text index: writes one document per suggestion and ranks matches with PostgreSQL full text. */
@Injectable()
export class SearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async upsert(manager: EntityManager, doc: SearchDocumentInput): Promise<void> {
    await manager.query(
      `INSERT INTO search_documents (suggestion_id, jurisdiction_id, session_id, is_public, staff_title, staff_body, staff_vector,
                                     public_title, public_body, public_vector, indexed_at, number)
       VALUES ($1, $2, $3, $4, $5, $6, ${VECTOR('$7', '$8')}, $9, $10,
               CASE WHEN $4 THEN ${VECTOR('$11', '$12')} END, $13, $14)
       ON CONFLICT (suggestion_id) DO UPDATE SET session_id = EXCLUDED.session_id, number = EXCLUDED.number, is_public = EXCLUDED.is_public,
         staff_title = EXCLUDED.staff_title, staff_body = EXCLUDED.staff_body, staff_vector = EXCLUDED.staff_vector,
         public_title = EXCLUDED.public_title, public_body = EXCLUDED.public_body, public_vector = EXCLUDED.public_vector,
         indexed_at = EXCLUDED.indexed_at`,
      [
        doc.suggestionId, doc.jurisdictionId, doc.sessionId, doc.isPublic, doc.staffTitle, doc.staffBody, doc.staffTokens.title,
        doc.staffTokens.body, doc.publicTitle, doc.publicBody, doc.publicTokens?.title ?? '', doc.publicTokens?.body ?? '', doc.at, doc.number,
      ],
    );
  }

  async suggestionIds(scope: TenantScope): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query('SELECT id FROM suggestions WHERE jurisdiction_id = $1 ORDER BY id', [scope.jurisdictionId]);
    return rows.map((row) => row.id);
  }

  async sessionOrder(scope: TenantScope, sessionId: string): Promise<SessionOrder | null> {
    const rows: SessionOrder[] = await this.dataSource.query(
      'SELECT year, term, session_number AS "sessionNumber" FROM congress_sessions WHERE jurisdiction_id = $1 AND id = $2',
      [scope.jurisdictionId, sessionId],
    );
    return rows[0] ?? null;
  }

  /** Published documents only, ranked; the texts returned are the redacted ones. */
  async searchPublic(scope: TenantScope, tsQuery: string, page: { limit: number; offset: number }): Promise<{ hits: SearchHit[]; total: number }> {
    const rows: Array<Record<string, unknown> & { total: number }> = await this.dataSource.query(PUBLIC_SEARCH_SQL, [tsQuery, scope.jurisdictionId, page.limit, page.offset]);
    return { hits: rows.filter((row) => row.suggestionId !== null).map(toHit), total: rows[0]?.total ?? 0 };
  }

  /** Documents the user may read under the suggestion read policy, ranked; original texts. */
  async searchStaff(user: AuthUser, tsQuery: string, filter: { sessionId?: string }, page: { limit: number; offset: number }) {
    const query = applyReadPolicy(this.hitQuery('staff'), user).andWhere(`d.staff_vector @@ to_tsquery('simple', :tsQuery)`, { tsQuery });
    if (filter.sessionId) query.andWhere('s.session_id = :sessionId', { sessionId: filter.sessionId });
    return this.page(query, page);
  }

  /** Candidates sharing any word with a text, in the same or earlier sessions, best first. */
  async similarCandidates(
    side: { user: AuthUser } | { publicOf: TenantScope },
    params: { anyOf: string; upTo: SessionOrder; excludeId: string | null; limit: number },
  ): Promise<SearchHit[]> {
    const vector = 'user' in side ? 'staff' : 'public';
    let query = this.hitQuery(vector, params.anyOf)
      .andWhere(`d.${vector}_vector @@ to_tsquery('simple', :tsQuery)`, { tsQuery: params.anyOf })
      .andWhere('(cs.year, cs.term, cs.session_number) <= (:year, :term, :sessionNumber)', params.upTo)
      .andWhere(`s.state NOT IN ('draft', 'merged')`);
    if (params.excludeId) query = query.andWhere('s.id <> :excludeId AND s.merged_into_id IS DISTINCT FROM :excludeId', { excludeId: params.excludeId });
    if ('user' in side) query = applyReadPolicy(query, side.user);
    else query = query.andWhere('d.jurisdiction_id = :jurisdictionId AND d.is_public', { jurisdictionId: side.publicOf.jurisdictionId });
    return (await query.orderBy('rank', 'DESC').addOrderBy('s.id').limit(params.limit).getRawMany()).map(toHit);
  }

  private hitQuery(side: 'public' | 'staff', tsQuery?: string) {
    const query = this.dataSource
      .createQueryBuilder()
      .from('suggestions', 's')
      .innerJoin('search_documents', 'd', 'd.suggestion_id = s.id')
      .innerJoin('congress_sessions', 'cs', 'cs.id = s.session_id')
      .select('s.id', 'suggestionId')
      .addSelect(`ts_rank_cd(d.${side}_vector, to_tsquery('simple', :tsQuery))`, 'rank')
      .addSelect(`d.${side}_title`, 'title')
      .addSelect(`d.${side}_body`, 'body')
      // What similarity compares: the suggestion itself, without the replies (the public side has only the redacted body).
      .addSelect(side === 'staff' ? 's.content' : 'd.public_body', 'content')
      .addSelect(['s.number AS number', 's.session_id AS "sessionId"', 'cs.name AS "sessionName"', 's.category AS category'])
      .addSelect(['s.classification AS classification', 's.state AS state']);
    return tsQuery ? query.setParameter('tsQuery', tsQuery) : query;
  }

  private async page(query: ReturnType<SearchRepository['hitQuery']>, page: { limit: number; offset: number }) {
    const total = await query.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>();
    const rows = await query.orderBy('rank', 'DESC').addOrderBy('s.number', 'ASC').addOrderBy('s.id').limit(page.limit).offset(page.offset).getRawMany();
    return { hits: rows.map(toHit), total: total?.total ?? 0 };
  }
}

function toHit(row: Record<string, unknown>): SearchHit {
  return { ...(row as unknown as SearchHit), rank: Number(row.rank), number: row.number === null ? null : Number(row.number) };
}
