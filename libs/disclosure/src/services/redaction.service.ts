import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser, JurisdictionProfileService } from '@app/accounts';
import { Clock, invalidInput } from '@app/persistence';
import { hasRole, Role } from '@app/workflows/common/actor';
import { MarkRedactionDto } from '../dtos/redaction.dto';
import { DisclosureException, DisclosureExceptionCode } from '../exceptions/disclosure.exception';
import { DisclosureSource, DisclosureSourceRepository } from '../repositories/disclosure-source.repository';
import { RedactionRepository } from '../repositories/redaction.repository';
import { buildPublicView } from '../utils/public-view.util';
import { SearchIndexService } from './search-index.service';

/** The office's side of disclosure: what is pending, which passages to hide, and how the result will read. */
@Injectable()
export class RedactionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: DisclosureSourceRepository,
    private readonly marks: RedactionRepository,
    private readonly index: SearchIndexService,
    private readonly profiles: JurisdictionProfileService,
    private readonly clock: Clock,
  ) {}

  async pending(user: AuthUser) {
    this.checkOffice(user);
    return { items: await this.sources.pendingDecisions(user) };
  }

  /** The suggestion exactly as it would be published now, with how many passages of each kind were hidden. */
  async preview(user: AuthUser, suggestionId: string) {
    this.checkOffice(user);
    const source = await this.getSourceOrFail(user, suggestionId);
    const profile = await this.profiles.getProfile(user.jurisdictionId);
    const { view, counts } = buildPublicView(source, profile);
    return {
      disclosureState: source.disclosureState,
      decision: source.decision ? { mode: source.decision.mode, reason: source.decision.reason, at: source.decision.at } : null,
      publishable: source.disclosureState === 'published',
      redactions: counts,
      marks: await this.marks.listActive(user, suggestionId),
      view,
    };
  }

  async list(user: AuthUser, suggestionId: string) {
    this.checkOffice(user);
    await this.getSourceOrFail(user, suggestionId);
    return { items: await this.marks.listActive(user, suggestionId) };
  }

  /** Marks a passage to hide and re-indexes the public document in the same transaction. */
  async mark(user: AuthUser, suggestionId: string, dto: MarkRedactionDto) {
    this.checkOffice(user);
    const source = await this.getSourceOrFail(user, suggestionId);
    if (!textsOf(source).some((text) => text.includes(dto.passage))) {
      throw invalidInput([{ field: 'passage', reason: 'does not occur in the title, content, replies or summary of this suggestion' }]);
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const inserted = await this.marks.insert(manager, {
        jurisdictionId: user.jurisdictionId, suggestionId, passage: dto.passage, reason: dto.reason ?? null,
        createdBy: user.userId, createdAt: this.clock.now(),
      });
      await this.index.reindex(manager, user, suggestionId);
      return inserted;
    });
    return { id, ...(await this.preview(user, suggestionId)) };
  }

  async unmark(user: AuthUser, suggestionId: string, markId: string) {
    this.checkOffice(user);
    await this.getSourceOrFail(user, suggestionId);
    await this.dataSource.transaction(async (manager) => {
      const removed = await this.marks.remove(manager, user, { suggestionId, id: markId, by: user.userId, at: this.clock.now() });
      if (!removed) throw new DisclosureException(DisclosureExceptionCode.REDACTION_NOT_FOUND, `No active redaction ${markId} on this suggestion`);
      await this.index.reindex(manager, user, suggestionId);
    });
    return this.preview(user, suggestionId);
  }

  private checkOffice(user: AuthUser): void {
    if (!hasRole(user, Role.OFFICE)) {
      throw new DisclosureException(DisclosureExceptionCode.DISCLOSURE_FORBIDDEN, 'Only the deputy-affairs office reviews disclosure');
    }
  }

  private async getSourceOrFail(user: AuthUser, suggestionId: string): Promise<DisclosureSource> {
    const source = await this.sources.loadOne(this.dataSource.manager, user, suggestionId);
    if (!source) throw new DisclosureException(DisclosureExceptionCode.DISCLOSURE_NOT_FOUND, `Suggestion ${suggestionId} not found`);
    return source;
  }
}

function textsOf(source: DisclosureSource): string[] {
  return [source.title, source.content, ...source.replies.map((reply) => reply.text), source.decision?.summary ?? ''];
}
