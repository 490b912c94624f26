import { Injectable } from '@nestjs/common';
import { AuthUser, JurisdictionProfileService } from '@app/accounts';
import { invalidInput } from '@app/persistence';
import { SuggestionException, SuggestionExceptionCode, SuggestionRepository } from '@app/suggestions';
import { hasRole, Role } from '@app/workflows/common/actor';
import { SearchQueryDto, SimilarDraftDto } from '../dtos/search.dto';
import { TenantScope } from '../repositories/disclosure-source.repository';
import { SearchHit, SearchRepository } from '../repositories/search.repository';
import { buildAnyOfTsQuery, buildTsQuery } from '../utils/build-ts-query.util';
import { highlightAll, highlightSnippet } from '../utils/highlight-snippet.util';
import { segmentForIndex } from '../utils/segment-text.util';
import { PublicScopeService } from './public-scope.service';

export interface SearchResultItem {
  id: string;
  number: number | null;
  numberLabel: string | null;
  session: { id: string; name: string };
  category: string;
  classification: string | null;
  /** Staff results only. */
  state?: string;
  title: string;
  /** HTML-escaped, with matches in <mark>. */
  highlightedTitle: string;
  snippet: string;
  rank: number;
}

export interface SimilarItem {
  id: string;
  number: number | null;
  numberLabel: string | null;
  session: { id: string; name: string };
  title: string;
  state: string | null;
  /** Share of distinct words in common (cosine of the word sets), 0–1. */
  similarity: number;
  /** True when the caller sees only the published version of this one. */
  publicOnly: boolean;
}

const SIMILAR_CANDIDATES = 60;
const SIMILAR_QUERY_WORDS = 40;

/** Chinese full-text search for the public (published only) and for staff (what the read policy lets them see). */
@Injectable()
export class SearchService {
  constructor(
    private readonly search: SearchRepository,
    private readonly scopes: PublicScopeService,
    private readonly profiles: JurisdictionProfileService,
    private readonly suggestions: SuggestionRepository,
  ) {}

  async searchPublic(jurisdictionCode: string, dto: SearchQueryDto) {
    const scope = await this.scopes.getScopeOrFail(jurisdictionCode);
    const parsed = this.parseOrFail(dto.q);
    const { hits, total } = await this.search.searchPublic(scope, parsed.tsQuery, pageOf(dto));
    return { items: await this.toItems(scope, hits, parsed.terms, false), total, page: dto.page, pageSize: dto.pageSize };
  }

  async searchStaff(user: AuthUser, dto: SearchQueryDto) {
    const parsed = this.parseOrFail(dto.q);
    const { hits, total } = await this.search.searchStaff(user, parsed.tsQuery, { sessionId: dto.sessionId }, pageOf(dto));
    return { items: await this.toItems(user, hits, parsed.terms, true), total, page: dto.page, pageSize: dto.pageSize };
  }

  /** While a deputy drafts: earlier suggestions like this text, so a duplicate can be seen before filing. */
  async similarToDraft(user: AuthUser, dto: SimilarDraftDto): Promise<{ items: SimilarItem[] }> {
    return { items: await this.similar(user, { title: dto.title, content: dto.content ?? '', sessionId: dto.sessionId, excludeId: null }) };
  }

  /** While the office reviews: suggestions of this or earlier sessions most like this one (candidates to merge). */
  async similarToSuggestion(user: AuthUser, id: string): Promise<{ items: SimilarItem[] }> {
    const suggestion = await this.suggestions.findReadable(user, id);
    if (!suggestion) throw new SuggestionException(SuggestionExceptionCode.SUGGESTION_NOT_FOUND, `Suggestion ${id} not found`);
    return { items: await this.similar(user, { title: suggestion.title, content: suggestion.content, sessionId: suggestion.sessionId, excludeId: id }) };
  }

  private async similar(user: AuthUser, input: { title: string; content: string; sessionId: string; excludeId: string | null }): Promise<SimilarItem[]> {
    const upTo = await this.search.sessionOrder(user, input.sessionId);
    if (!upTo) throw invalidInput([{ field: 'sessionId', reason: 'no such session in this jurisdiction' }]);
    const words = distinctWords(`${input.title}\n${input.content}`);
    // Longer words say more about the matter than short ones; they choose the candidates.
    const anyOf = buildAnyOfTsQuery([...words].sort((a, b) => b.length - a.length).slice(0, SIMILAR_QUERY_WORDS));
    if (!anyOf) return [];
    const params = { anyOf, upTo, excludeId: input.excludeId, limit: SIMILAR_CANDIDATES };
    const readable = await this.search.similarCandidates({ user }, params);
    // Deputies see other deputies' suggestions only once published, and then only the published version.
    const published = hasRole(user, Role.OFFICE, Role.ADMIN, Role.GOV_OFFICE) ? [] : await this.search.similarCandidates({ publicOf: user }, params);
    const seen = new Set(readable.map((hit) => hit.suggestionId));
    const candidates = [...readable.map((hit) => ({ hit, publicOnly: false })), ...published.filter((hit) => !seen.has(hit.suggestionId)).map((hit) => ({ hit, publicOnly: true }))];
    const profile = await this.profiles.getProfile(user.jurisdictionId);
    return candidates
      .map(({ hit, publicOnly }) => ({
        id: hit.suggestionId,
        number: hit.number,
        numberLabel: numberLabel(hit.number, profile.numbering),
        session: { id: hit.sessionId, name: hit.sessionName },
        title: hit.title,
        state: publicOnly ? null : hit.state,
        similarity: round(cosine(words, distinctWords(`${hit.title}\n${hit.content}`)), 4),
        publicOnly,
      }))
      .filter((item) => item.similarity > 0)
      .sort((a, b) => b.similarity - a.similarity || (a.number ?? 0) - (b.number ?? 0))
      .slice(0, 10);
  }

  private parseOrFail(q: string) {
    const parsed = buildTsQuery(q);
    if (!parsed) throw invalidInput([{ field: 'q', reason: 'must contain at least one word or number' }]);
    return parsed;
  }

  private async toItems(scope: TenantScope, hits: SearchHit[], terms: string[], staff: boolean): Promise<SearchResultItem[]> {
    const profile = await this.profiles.getProfile(scope.jurisdictionId);
    return hits.map((hit) => ({
      id: hit.suggestionId,
      number: hit.number,
      numberLabel: numberLabel(hit.number, profile.numbering),
      session: { id: hit.sessionId, name: hit.sessionName },
      category: hit.category,
      classification: hit.classification,
      ...(staff ? { state: hit.state } : {}),
      title: hit.title,
      highlightedTitle: highlightAll(hit.title, terms),
      snippet: highlightSnippet(hit.body, terms) ?? highlightAll(hit.body.slice(0, 80), []),
      rank: round(hit.rank, 6),
    }));
  }
}

export function numberLabel(number: number | null, numbering: { prefix: string; suffix: string }): string | null {
  return number === null ? null : `${numbering.prefix}${number}${numbering.suffix}`;
}

const pageOf = (dto: { page: number; pageSize: number }) => ({ limit: dto.pageSize, offset: (dto.page - 1) * dto.pageSize });
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
/** Words of two characters or more: single characters say little about what a suggestion is about. */
const distinctWords = (text: string) => new Set(segmentForIndex(text).filter((word) => word.length > 1));

function cosine(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const word of a) if (b.has(word)) common++;
  return common / Math.sqrt(a.size * b.size);
}
