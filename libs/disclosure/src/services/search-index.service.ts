import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JurisdictionProfileService } from '@app/accounts';
import { Clock } from '@app/persistence';
import { SUGGESTION_WORKFLOW } from '@app/suggestions';
import { ProjectedChange, WorkflowRegistry } from '@app/workflow-engine';
import { DisclosureSourceRepository, TenantScope } from '../repositories/disclosure-source.repository';
import { SearchRepository } from '../repositories/search.repository';
import { buildPublicView, publicBodyOf } from '../utils/public-view.util';
import { segmentForIndex } from '../utils/segment-text.util';

/** Events that change what a document holds: the texts, the replies, or whether (and how) it is published. */
const INDEXED_EVENTS = new Set(['CREATED', 'REPLY', 'FOLLOW_UP_REPLY', 'DECIDE_DISCLOSURE']);
const REINDEX_BATCH = 100;

const tokens = (text: string) => segmentForIndex(text).join(' ');

/**
 * Keeps the search index in step with the suggestions: the engine calls it inside each event's transaction,
 * so a document never disagrees with the committed suggestion (a withheld reply is never searchable publicly).
 */
@Injectable()
export class SearchIndexService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: WorkflowRegistry,
    private readonly sources: DisclosureSourceRepository,
    private readonly search: SearchRepository,
    private readonly profiles: JurisdictionProfileService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.onProjected(SUGGESTION_WORKFLOW, (change) => this.onProjected(change));
  }

  private async onProjected(change: ProjectedChange): Promise<void> {
    if (INDEXED_EVENTS.has(change.event.type)) await this.reindex(change.manager, { jurisdictionId: change.jurisdictionId }, change.instanceId);
  }

  /** Rebuilds one suggestion's document from its rows, within the caller's transaction. */
  async reindex(manager: EntityManager, scope: TenantScope, suggestionId: string): Promise<void> {
    const [source] = await this.sources.load(manager, scope, [suggestionId]);
    if (!source) return;
    const profile = await this.profiles.getProfile(scope.jurisdictionId);
    const isPublic = source.disclosureState === 'published';
    const { view } = buildPublicView(source, profile);
    const staffBody = [source.content, ...source.replies.map((reply) => reply.text), source.decision?.summary ?? ''].filter(Boolean).join('\n');
    const publicBody = isPublic ? publicBodyOf(view) : null;
    await this.search.upsert(manager, {
      suggestionId, jurisdictionId: scope.jurisdictionId, sessionId: source.sessionId, number: source.number, isPublic,
      staffTitle: source.title, staffBody, staffTokens: { title: tokens(source.title), body: tokens(staffBody) },
      publicTitle: isPublic ? view.title : null, publicBody,
      publicTokens: isPublic ? { title: tokens(view.title), body: tokens(publicBody as string) } : null,
      at: this.clock.now(),
    });
  }

  /** Rebuilds the whole jurisdiction's index (after a dictionary change, or for rows written before the index). */
  async reindexAll(scope: TenantScope): Promise<{ indexed: number }> {
    const ids = await this.search.suggestionIds(scope);
    for (let from = 0; from < ids.length; from += REINDEX_BATCH) {
      await this.dataSource.transaction(async (manager) => {
        for (const id of ids.slice(from, from + REINDEX_BATCH)) await this.reindex(manager, scope, id);
      });
    }
    return { indexed: ids.length };
  }
}
