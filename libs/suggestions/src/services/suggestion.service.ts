import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hasRole, Role } from '@app/workflows/common/actor';
import { SuggestionContext, SuggestionEventType } from '@app/workflows/suggestion';
import { toSuggestionRules } from '@app/profiles';
import { AuthUser, DirectoryRepository, JurisdictionProfileService } from '@app/accounts';
import { DeadlineRepository } from '@app/deadlines';
import { invalidInput, validateEventBody } from '@app/persistence';
import { AppliedEvent, InstanceVisibility, requestHash, WorkflowEngine, WorkflowInstanceRepository } from '@app/workflow-engine';
import { CreateSuggestionDto } from '../dtos/create-suggestion.dto';
import { ListSuggestionsQueryDto } from '../dtos/list-suggestions.query.dto';
import { BatchAssignDto } from '../dtos/batch-assign.dto';
import { SUGGESTION_EVENT_DTOS } from '../dtos/suggestion-event.dto';
import { SuggestionException, SuggestionExceptionCode } from '../exceptions/suggestion.exception';
import { EventOutcome, SuggestionRepository } from '../repositories/suggestion.repository';
import { SUGGESTION_WORKFLOW } from './suggestion-workflow.definition';
import { readPolicySql } from '../utils/suggestion-read-policy.util';
import { SuggestionDetail, SuggestionView, SuggestionViewMapper } from './suggestion-view.mapper';

/** The answer to one event: where the suggestion now stands for the sender. */
export interface EventAnswer extends EventOutcome {
  id: string;
  state: string;
  version: number;
  allowedEvents: string[];
}

/** Filing, reading and moving suggestions; every change goes through the workflow engine. */
@Injectable()
export class SuggestionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly suggestions: SuggestionRepository,
    private readonly directory: DirectoryRepository,
    private readonly profiles: JurisdictionProfileService,
    private readonly deadlines: DeadlineRepository,
    private readonly instances: WorkflowInstanceRepository,
    private readonly views: SuggestionViewMapper,
  ) {}

  async create(user: AuthUser, dto: CreateSuggestionDto): Promise<SuggestionDetail> {
    if (!user.deputyId || !hasRole(user, Role.DEPUTY)) {
      throw new SuggestionException(SuggestionExceptionCode.SUGGESTION_FORBIDDEN, 'Only a deputy files suggestions');
    }
    const profile = await this.profiles.getProfile(user.jurisdictionId);
    await this.checkFilingReferences(user, dto, profile.categories);
    const [lead] = await this.directory.findDeputies(user, [user.deputyId]);
    const id = randomUUID();
    await this.engine.createAndSchedule(
      {
        workflow: SUGGESTION_WORKFLOW,
        jurisdictionId: user.jurisdictionId,
        instanceId: id,
        actor: user,
        input: {
          rules: toSuggestionRules(profile),
          duringSession: dto.duringSession,
          agreesToDisclosure: dto.agreesToDisclosure,
          leadDeputyId: user.deputyId,
        },
      },
      async (manager, snapshot) => {
        await this.suggestions.insert(manager, {
          id, jurisdictionId: user.jurisdictionId, sessionId: dto.sessionId, number: null, title: dto.title, content: dto.content,
          category: dto.category, duringSession: dto.duringSession, leadDeputyId: user.deputyId as string,
          delegationId: lead?.delegationId ?? null, agreesToDisclosure: dto.agreesToDisclosure,
          requestsConfidentiality: dto.requestsConfidentiality ?? false, state: 'draft', round: 0, classification: null,
          overdue: false, isKey: false, keyState: null, disclosureState: null, mergedIntoId: null, submittedAt: null,
        });
        await this.suggestions.replaceProposers(manager, user, id, (snapshot.context as SuggestionContext).proposers);
      },
    );
    for (const deputyId of dto.cosignerIds ?? []) {
      await this.engine.apply({
        workflow: SUGGESTION_WORKFLOW, jurisdictionId: user.jurisdictionId, instanceId: id, actor: user,
        event: { type: 'INVITE_COSIGNER', deputyId },
      });
    }
    return this.get(user, id);
  }

  async list(user: AuthUser, filter: ListSuggestionsQueryDto): Promise<{ items: SuggestionView[]; total: number; page: number; pageSize: number }> {
    const [rows, total] = await this.suggestions.list(user, filter);
    return { items: rows.map((row) => this.views.toView(row)), total, page: filter.page, pageSize: filter.pageSize };
  }

  async get(user: AuthUser, id: string): Promise<SuggestionDetail> {
    const suggestion = await this.getReadableOrFail(user, id);
    const { snapshot } = await this.engine.getSnapshotOrFail(this.dataSource.manager, { workflow: SUGGESTION_WORKFLOW, jurisdictionId: user.jurisdictionId }, id);
    const [history, openDeadlines, assignments, replies, feedback] = await Promise.all([
      this.instances.history(this.dataSource.manager, user, id),
      this.deadlines.findOpenByInstance(user.jurisdictionId, id),
      this.suggestions.assignments(user, id),
      this.suggestions.replies(user, id),
      this.suggestions.feedback(user, id),
    ]);
    return this.views.toDetail({
      suggestion, snapshot, history, openDeadlines, assignments, replies, feedback,
      allowedEvents: this.engine.allowedEvents(SUGGESTION_WORKFLOW, snapshot, user),
    });
  }

  /**
   * Applies one event and answers lean (the architecture's step 7): the new state and version, the events the
   * caller may send now and the open deadlines. The full detail is a GET away; building it per event cost most
   * of an event's time, and more with every event in the history. The read check rides on the query that loads the
   * instance and the outcome on the projection's statement, so an event costs no query of its own beyond the engine's.
   */
  async sendEvent(user: AuthUser, id: string, body: Record<string, unknown>, idempotencyKey?: string): Promise<EventAnswer> {
    let event: ReturnType<SuggestionService['validateEvent']>;
    try {
      event = this.validateEvent(body);
      await this.checkEventReferences(user, event);
    } catch (error) {
      // What the caller may not see answers 404 whatever was sent, as if it had been checked first.
      if (!(await this.suggestions.isReadable(user, id))) throw suggestionNotFound(id);
      throw error;
    }
    const applied = await this.engine.apply(
      { workflow: SUGGESTION_WORKFLOW, jurisdictionId: user.jurisdictionId, instanceId: id, actor: user, event, visibleIf: this.readableBy(user, id) },
      idempotencyKey ? { userId: user.userId, key: idempotencyKey, requestHash: requestHash({ id, event }) } : undefined,
    );
    const { number, openDeadlines } = (applied.projected as EventOutcome | undefined) ?? (await this.replayedOutcome(user, id));
    return { id, number, state: applied.state, version: applied.version, allowedEvents: applied.allowedEvents ?? [], openDeadlines };
  }

  /** 交办: assigns many suggestions at once, all or none, so they share one deadline. */
  async batchAssign(user: AuthUser, dto: BatchAssignDto, idempotencyKey?: string): Promise<{ assigned: number; results: AppliedEvent[] }> {
    const found = new Set(await this.suggestions.existingIds(user, dto.suggestionIds));
    // PostgreSQL answers uuids in lower case; a client may send them in upper case.
    const missing = dto.suggestionIds.filter((id) => !found.has(id.toLowerCase()));
    if (missing.length > 0) {
      throw new SuggestionException(SuggestionExceptionCode.SUGGESTION_NOT_FOUND, `Suggestions not found: ${missing.slice(0, 10).join(', ')}`, { missing });
    }
    const event = { type: 'ASSIGN', ...dto.assignment };
    await this.checkEventReferences(user, event);
    const results = await this.engine.applyAll(
      dto.suggestionIds.map((instanceId) => ({ workflow: SUGGESTION_WORKFLOW, jurisdictionId: user.jurisdictionId, instanceId, actor: user, event })),
      idempotencyKey ? { userId: user.userId, key: idempotencyKey, requestHash: requestHash(dto) } : undefined,
    );
    return { assigned: results.length, results };
  }

  async unitInbox(user: AuthUser) {
    if (!user.unitId) throw new SuggestionException(SuggestionExceptionCode.SUGGESTION_FORBIDDEN, 'Only handling-unit staff have an inbox');
    return this.suggestions.unitInbox(user, user.unitId);
  }

  private validateEvent(body: Record<string, unknown>): { type: SuggestionEventType; [field: string]: unknown } {
    return validateEventBody(SUGGESTION_EVENT_DTOS, body);
  }

  /** Ids an event names must exist in the caller's jurisdiction: a 400 naming the field, not a machine refusal. */
  private async checkEventReferences(user: AuthUser, event: Record<string, unknown>): Promise<void> {
    const unitIds = [event.unitIds, event.leadUnitId, event.newUnitId].flat().filter((id): id is string => typeof id === 'string');
    if (unitIds.length > 0 && event.type !== 'DECIDE_EXTENSION') await this.checkUnits(user, unitIds);
    if (event.type === 'INVITE_COSIGNER') {
      const [deputy] = await this.directory.findDeputies(user, [String(event.deputyId)]);
      if (!deputy?.active) throw invalidInput([{ field: 'deputyId', reason: 'unknown or inactive deputy' }]);
    }
    if (event.type === 'MERGE' && !(await this.suggestions.findReadable(user, String(event.targetSuggestionId)))) {
      throw invalidInput([{ field: 'targetSuggestionId', reason: 'no such suggestion' }]);
    }
    if (event.type === 'MARK_KEY') {
      const leaders = await this.directory.findLeaderUsers(user, [String(event.leadingLeaderId), String(event.supervisingLeaderId)]);
      const isA = (id: unknown, role: Role) => leaders.some((leader) => leader.id === id && leader.roles.includes(role));
      if (!isA(event.leadingLeaderId, Role.GOV_LEADER)) throw invalidInput([{ field: 'leadingLeaderId', reason: 'must be a government leader' }]);
      if (!isA(event.supervisingLeaderId, Role.SC_LEADER)) throw invalidInput([{ field: 'supervisingLeaderId', reason: 'must be a standing-committee leader' }]);
    }
  }

  private async getReadableOrFail(user: AuthUser, id: string) {
    const suggestion = await this.suggestions.findReadable(user, id);
    if (!suggestion) throw suggestionNotFound(id);
    return suggestion;
  }

  /** A repeated Idempotency-Key returns the stored answer without its outcome (nor a read check): both as they are now. */
  private async replayedOutcome(user: AuthUser, id: string): Promise<EventOutcome> {
    if (!(await this.suggestions.isReadable(user, id))) throw suggestionNotFound(id);
    return this.suggestions.eventOutcome(user, id);
  }

  /** The read policy as the engine checks it while loading the instance: the same grants as `isReadable`. */
  private readableBy(user: AuthUser, id: string): InstanceVisibility {
    return {
      condition: (params) => `EXISTS (SELECT 1 FROM suggestions s WHERE s.id = wi.id AND ${readPolicySql(user, params)})`,
      notFound: () => suggestionNotFound(id),
    };
  }

  private async checkFilingReferences(user: AuthUser, dto: CreateSuggestionDto, categories: string[]): Promise<void> {
    if (!(await this.directory.findSession(user, dto.sessionId))) {
      throw invalidInput([{ field: 'sessionId', reason: 'no such session in this jurisdiction' }]);
    }
    if (!categories.includes(dto.category)) {
      throw invalidInput([{ field: 'category', reason: `must be one of ${categories.join(', ')}` }]);
    }
    const cosigners = dto.cosignerIds ?? [];
    const deputies = await this.directory.findDeputies(user, cosigners);
    const unknown = cosigners.filter((id) => !deputies.some((d) => d.id === id && d.active));
    if (unknown.length > 0) throw invalidInput([{ field: 'cosignerIds', reason: `unknown or inactive deputies: ${unknown.join(', ')}` }]);
  }

  private async checkUnits(user: AuthUser, unitIds: string[]): Promise<void> {
    const units = await this.directory.findUnits(user, unitIds);
    const unknown = unitIds.filter((id) => !units.some((u) => u.id === id && u.active));
    if (unknown.length > 0) throw invalidInput([{ field: 'unitIds', reason: `unknown or inactive units: ${unknown.join(', ')}` }]);
  }
}

const suggestionNotFound = (id: string) => new SuggestionException(SuggestionExceptionCode.SUGGESTION_NOT_FOUND, `Suggestion ${id} not found`);
