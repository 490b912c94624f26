import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hasRole, Role } from '@app/workflows/common/actor';
import type { ReviewListContext } from '@app/workflows/review-opinion-list';
import { AuthUser, DirectoryRepository, JurisdictionProfileService } from '@app/accounts';
import { endOfLocalDay } from '@app/deadlines';
import { VoteRepository, VoteSubjectKind } from '@app/meetings';
import { Clock, invalidInput, validateEventBody } from '@app/persistence';
import { requestHash, WorkflowEngine } from '@app/workflow-engine';
import { REVIEW_OPINION_LIST_WORKFLOW } from '../constants/review-opinions.constant';
import { CreateReviewListDto } from '../dtos/create-review-list.dto';
import { REVIEW_EVENT_DTOS } from '../dtos/review-list-event.dto';
import { ReviewFiguresQueryDto } from '../dtos/review-figures.query.dto';
import { ReviewOpinionItemEntity } from '../entities/review-opinion-item.entity';
import { ReviewOpinionListEntity } from '../entities/review-opinion-list.entity';
import { ReviewOpinionsException, ReviewOpinionsExceptionCode } from '../exceptions/review-opinions.exception';
import { ReviewOpinionRepository } from '../repositories/review-opinion.repository';
import { scoreView } from '../utils/public-review-list.util';
import { readableUnitScope, unitSeesList } from '../utils/review-read-policy.util';

/** Review-opinion lists (审议意见清单制): the office creates and assigns them, units report, the office closes items. */
@Injectable()
export class ReviewOpinionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly lists: ReviewOpinionRepository,
    private readonly votes: VoteRepository,
    private readonly directory: DirectoryRepository,
    private readonly profiles: JurisdictionProfileService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, dto: CreateReviewListDto) {
    if (!hasRole(user, Role.OFFICE)) {
      throw new ReviewOpinionsException(ReviewOpinionsExceptionCode.REVIEW_LIST_FORBIDDEN, 'Only the congress office creates review-opinion lists');
    }
    await this.checkUnits(user, dto);
    const id = randomUUID();
    const items = dto.items.map((item) => ({ id: randomUUID(), content: item.content, unitId: item.unitId }));
    await this.engine.createAndSchedule(
      {
        workflow: REVIEW_OPINION_LIST_WORKFLOW, jurisdictionId: user.jurisdictionId, instanceId: id, actor: user,
        input: { reportingUnitId: dto.reportingUnitId, items: items.map(({ id: itemId, unitId }) => ({ id: itemId, unitId })) },
      },
      (manager) =>
        this.lists.insertList(
          manager,
          {
            id, jurisdictionId: user.jurisdictionId, title: dto.title, sourceReport: dto.sourceReport, meetingName: dto.meetingName,
            reportingUnitId: dto.reportingUnitId, state: 'draft', assignedAt: null, reportDueAt: null, reportText: null,
            reportSubmittedAt: null, reportOverdue: false, createdBy: user.userId, createdAt: this.clock.now(), concludedAt: null,
          },
          items,
        ),
    );
    return this.get(user, id);
  }

  async list(user: AuthUser) {
    const scope = this.readScopeOrFail(user);
    const lists = await this.lists.visibleLists(user, 'unitId' in scope ? scope.unitId : null);
    const items = await this.lists.items(user, lists.map((l) => l.id));
    return lists.map((list) => summaryOf(list, items.filter((item) => item.listId === list.id)));
  }

  /**
   * The list with its items, the standing committee's scores of its written report (counts once the vote closed)
   * and the events the caller may send now; another unit's list is a 404.
   */
  async get(user: AuthUser, id: string) {
    const { list, items } = await this.getVisibleOrFail(user, id);
    const { snapshot } = await this.engine.getSnapshotOrFail(this.dataSource.manager, { workflow: REVIEW_OPINION_LIST_WORKFLOW, jurisdictionId: user.jurisdictionId }, id);
    const context = snapshot.context as ReviewListContext;
    const results = await this.votes.subjectResults(user, VoteSubjectKind.REVIEW_OPINION_LIST, [id]);
    return {
      ...withoutTenant(list),
      items: items.map(withoutTenantItem),
      scores: context.scores,
      votes: results.map(scoreView),
      reportRound: context.reportRound,
      openDeadlines: Object.entries(context.deadlines).map(([key, d]) => ({ key, ...d })),
      allowedEvents: this.engine.allowedEvents(REVIEW_OPINION_LIST_WORKFLOW, snapshot, user),
    };
  }

  async sendEvent(user: AuthUser, id: string, body: Record<string, unknown>, idempotencyKey?: string) {
    await this.getVisibleOrFail(user, id);
    const event = toMachineEvent(body);
    await this.engine.apply(
      { workflow: REVIEW_OPINION_LIST_WORKFLOW, jurisdictionId: user.jurisdictionId, instanceId: id, actor: user, event },
      idempotencyKey ? { userId: user.userId, key: idempotencyKey, requestHash: requestHash({ id, event }) } : undefined,
    );
    return this.get(user, id);
  }

  /** Per unit and in total: items closed, closed by their first deadline, sent back, overdue, for lists assigned in the year. */
  async figures(user: AuthUser, query: ReviewFiguresQueryDto) {
    const scope = this.readScopeOrFail(user);
    if (!('all' in scope)) {
      throw new ReviewOpinionsException(ReviewOpinionsExceptionCode.REVIEW_LIST_FORBIDDEN, 'Only the office and the standing committee see the figures');
    }
    // The year is the jurisdiction's local calendar year: it starts just after the local end of 31 December.
    const { timezone } = await this.profiles.getProfile(user.jurisdictionId);
    const from = new Date(endOfLocalDay(`${query.year - 1}-12-31`, timezone).getTime() + 1);
    const to = new Date(endOfLocalDay(`${query.year}-12-31`, timezone).getTime() + 1);
    const units = await this.lists.figures(user, from, to);
    const total = units.reduce(
      (sum, row) => ({
        items: sum.items + row.items, closed: sum.closed + row.closed, closedOnTime: sum.closedOnTime + row.closedOnTime,
        itemsSentBack: sum.itemsSentBack + row.itemsSentBack, sendBacks: sum.sendBacks + row.sendBacks, overdue: sum.overdue + row.overdue,
      }),
      { items: 0, closed: 0, closedOnTime: 0, itemsSentBack: 0, sendBacks: 0, overdue: 0 },
    );
    return { year: query.year, total, units };
  }

  private readScopeOrFail(user: AuthUser) {
    const scope = readableUnitScope(user);
    if (!scope) throw new ReviewOpinionsException(ReviewOpinionsExceptionCode.REVIEW_LIST_FORBIDDEN, 'You may not see review-opinion lists');
    return scope;
  }

  private async getVisibleOrFail(user: AuthUser, id: string): Promise<{ list: ReviewOpinionListEntity; items: ReviewOpinionItemEntity[] }> {
    const scope = readableUnitScope(user);
    const list = scope ? await this.lists.findList(user, id) : null;
    const items = list ? await this.lists.items(user, [id]) : [];
    const visible = list && scope && ('all' in scope || unitSeesList(scope.unitId, list, items.map((item) => item.unitId)));
    if (!list || !visible) throw new ReviewOpinionsException(ReviewOpinionsExceptionCode.REVIEW_LIST_NOT_FOUND, `Review-opinion list ${id} not found`);
    return { list, items };
  }

  /** Every unit named must be an active unit of the jurisdiction: a 400 naming the others. */
  private async checkUnits(user: AuthUser, dto: CreateReviewListDto): Promise<void> {
    const ids = [...new Set([dto.reportingUnitId, ...dto.items.map((item) => item.unitId)])];
    const found = await this.directory.findUnits(user, ids);
    const unknown = ids.filter((unitId) => !found.some((unit) => unit.id === unitId && unit.active));
    if (unknown.length === 0) return;
    const field = unknown.includes(dto.reportingUnitId) ? 'reportingUnitId' : 'items.unitId';
    throw invalidInput([{ field, reason: `no active unit of this jurisdiction: ${unknown.join(', ')}` }]);
  }
}

function toMachineEvent(body: Record<string, unknown>): { type: string; [field: string]: unknown } {
  return validateEventBody(REVIEW_EVENT_DTOS, body);
}

function summaryOf(list: ReviewOpinionListEntity, items: ReviewOpinionItemEntity[]) {
  return {
    ...withoutTenant(list),
    itemCount: items.length,
    closedCount: items.filter((item) => item.status === 'CLOSED').length,
    overdueCount: items.filter((item) => item.overdue).length,
  };
}

function withoutTenant({ jurisdictionId: _j, ...list }: ReviewOpinionListEntity) {
  return list;
}

function withoutTenantItem({ jurisdictionId: _j, ...item }: ReviewOpinionItemEntity) {
  return item;
}
