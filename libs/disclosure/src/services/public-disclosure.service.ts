import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JurisdictionProfileService } from '@app/accounts';
import { Clock } from '@app/persistence';
import { toCsv } from '@app/reports';
import { OPEN_DATA_SCHEMA } from '../constants/open-data-schema.constant';
import { OpenDataQueryDto, PublicListQueryDto } from '../dtos/public-list.query.dto';
import { DisclosureException, DisclosureExceptionCode } from '../exceptions/disclosure.exception';
import { DisclosureSourceRepository, TenantScope } from '../repositories/disclosure-source.repository';
import { buildPublicView, PublicSuggestion } from '../utils/public-view.util';
import { PublicScopeService } from './public-scope.service';

const OPEN_DATA_BATCH = 200;

/** The public portal: only published suggestions, only in their redacted public form. */
@Injectable()
export class PublicDisclosureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scopes: PublicScopeService,
    private readonly sources: DisclosureSourceRepository,
    private readonly profiles: JurisdictionProfileService,
    private readonly clock: Clock,
  ) {}

  async list(code: string, dto: PublicListQueryDto) {
    const scope = await this.scopes.getScopeOrFail(code);
    const { ids, total } = await this.sources.listPublished(scope, dto, { limit: dto.pageSize, offset: (dto.page - 1) * dto.pageSize });
    return { items: await this.views(scope, ids), total, page: dto.page, pageSize: dto.pageSize };
  }

  async get(code: string, id: string): Promise<PublicSuggestion> {
    const scope = await this.scopes.getScopeOrFail(code);
    const [view] = await this.views(scope, [id]);
    if (!view) throw notPublished(id);
    return view;
  }

  async getByNumber(code: string, sessionId: string, number: number): Promise<PublicSuggestion> {
    const scope = await this.scopes.getScopeOrFail(code);
    const id = await this.sources.publishedIdByNumber(scope, sessionId, number);
    if (!id) throw notPublished(`${sessionId}/${number}`);
    return (await this.views(scope, [id]))[0];
  }

  /** What the portal's filters offer. */
  async facets(code: string) {
    const scope = await this.scopes.getScopeOrFail(code);
    const [profile, facets] = await Promise.all([this.profiles.getProfile(scope.jurisdictionId), this.sources.publicFacets(scope)]);
    return {
      sessions: facets.sessions,
      years: [...new Set(facets.sessions.map((session) => session.year))],
      categories: profile.categories,
      units: facets.units,
      classifications: profile.classifications,
    };
  }

  openDataSchema() {
    return OPEN_DATA_SCHEMA;
  }

  async openDataJson(code: string, dto: OpenDataQueryDto) {
    const items = await this.everything(code, dto);
    return { schema: OPEN_DATA_SCHEMA.name, schemaVersion: OPEN_DATA_SCHEMA.version, generatedAt: this.clock.now().toISOString(), items };
  }

  async openDataCsv(code: string, dto: OpenDataQueryDto): Promise<string> {
    const items = await this.everything(code, dto);
    return toCsv(OPEN_DATA_SCHEMA.fields.map((field) => field.name), items.map(toOpenDataRow));
  }

  private async everything(code: string, dto: OpenDataQueryDto): Promise<PublicSuggestion[]> {
    const scope = await this.scopes.getScopeOrFail(code);
    const items: PublicSuggestion[] = [];
    for (let offset = 0; ; offset += OPEN_DATA_BATCH) {
      const { ids } = await this.sources.listPublished(scope, dto, { limit: OPEN_DATA_BATCH, offset });
      items.push(...(await this.views(scope, ids)));
      if (ids.length < OPEN_DATA_BATCH) return items;
    }
  }

  /** Public views of the given ids, skipping any that are not published (a withheld id reads as not found). */
  private async views(scope: TenantScope, ids: string[]): Promise<PublicSuggestion[]> {
    const profile = await this.profiles.getProfile(scope.jurisdictionId);
    const sources = await this.sources.load(this.dataSource.manager, scope, ids);
    return sources.filter((source) => source.disclosureState === 'published').map((source) => buildPublicView(source, profile).view);
  }
}

function notPublished(what: string): DisclosureException {
  return new DisclosureException(DisclosureExceptionCode.DISCLOSURE_NOT_FOUND, `No published suggestion ${what}`);
}

const list = (values: string[]) => values.join('; ');

function toOpenDataRow(view: PublicSuggestion): unknown[] {
  return [
    view.id, view.number, view.numberLabel, view.session.name, view.session.year, view.category, view.title, view.content,
    view.leadDeputy, list(view.cosigners), view.delegation, view.submittedAt,
    list(view.units.map((unit) => `${unit.name} (${unit.role})`)), view.classification?.code ?? null, view.classification?.label ?? null,
    view.replies[0]?.repliedAt ?? null, view.disclosure.mode, view.disclosure.publishedAt, view.summary,
    list(view.replies.map((reply) => [reply.unit, reply.repliedAt.slice(0, 10), reply.classification.code, reply.text ?? ''].join(' | '))),
    view.key?.result ?? null,
  ];
}
