import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AnyMachineSnapshot, ExecutableActionObject, StateValue } from 'xstate';
import type { Actor } from '@app/workflows/common/actor';
import {
  CURRENT_REVIEW_OPINION_LIST_MACHINE_VERSION,
  explainReviewRefusal,
  mayActorSendReviewEvent,
  persistReviewListSnapshot,
  PersistedReviewListSnapshot,
  restoreReviewListSnapshot,
  reviewListEventTypes,
  reviewOpinionListMachines,
  ReviewListContext,
  ReviewListEffects,
  ReviewListEvent,
  ReviewListEventType,
} from '@app/workflows/review-opinion-list';
import { JurisdictionProfileService } from '@app/accounts';
import { DeadlineEntity, toLocalDate } from '@app/deadlines';
import { OutboxRecipient } from '@app/notifications';
import { ApplyScope, EnvelopedEvent, titlesById, WorkflowDefinition, WorkflowRegistry } from '@app/workflow-engine';
import { REVIEW_OPINION_LIST_WORKFLOW } from '../constants/review-opinions.constant';
import { ReviewOpinionRepository } from '../repositories/review-opinion.repository';
import { calendarOf, reviewDueDates } from '../utils/review-due-dates.util';

/**
 * The review-opinion list (审议意见清单) as the engine runs it. Items live in the machine's context; this
 * definition mirrors them into review_opinion_items after every event and keeps the texts the machine does not hold.
 */
@Injectable()
export class ReviewOpinionListWorkflowDefinition implements WorkflowDefinition, OnModuleInit {
  readonly name = REVIEW_OPINION_LIST_WORKFLOW;
  readonly currentVersion = CURRENT_REVIEW_OPINION_LIST_MACHINE_VERSION;
  readonly eventTypes: readonly string[] = reviewListEventTypes;
  /** Due dates by jurisdiction and local start day: they change only when the local day does. */
  private readonly dueCache = new Map<string, Record<string, string>>();

  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly lists: ReviewOpinionRepository,
    private readonly profiles: JurisdictionProfileService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  machine(version: number) {
    const machine = reviewOpinionListMachines[version];
    if (!machine) throw new Error(`No review-opinion list machine version ${version}`);
    return machine;
  }

  restore(version: number, persisted: Record<string, unknown>): AnyMachineSnapshot {
    return restoreReviewListSnapshot(this.machine(version), persisted as unknown as PersistedReviewListSnapshot) as AnyMachineSnapshot;
  }

  persist(snapshot: AnyMachineSnapshot): Record<string, unknown> {
    return persistReviewListSnapshot(snapshot) as unknown as Record<string, unknown>;
  }

  headlineState(value: StateValue): string {
    return typeof value === 'string' ? value : Object.keys(value)[0];
  }

  mayActorSend(eventType: string, actor: Actor, context: unknown): boolean {
    return mayActorSendReviewEvent(eventType as ReviewListEventType, actor, context as ReviewListContext);
  }

  explainRefusal(context: unknown, event: EnvelopedEvent): string | null {
    return explainReviewRefusal(context as ReviewListContext, event as unknown as ReviewListEvent);
  }

  async dueDates(jurisdictionId: string, at: Date): Promise<Record<string, string>> {
    const profile = await this.profiles.getProfile(jurisdictionId);
    const key = `${jurisdictionId}_${toLocalDate(at, profile.timezone)}`;
    let due = this.dueCache.get(key);
    if (!due) {
      due = reviewDueDates(at, profile, calendarOf(profile));
      if (this.dueCache.size >= 64) this.dueCache.clear();
      this.dueCache.set(key, due);
    }
    return { ...due };
  }

  async reminderOffsetsDays(jurisdictionId: string): Promise<number[]> {
    return (await this.profiles.getProfile(jurisdictionId)).reminderOffsetsDays;
  }

  /** A unit is reminded of its own item or report; a passed deadline also reaches the office (the machine's notify). */
  deadlineRecipients(deadline: DeadlineEntity): OutboxRecipient[] {
    return deadline.unitId ? [{ kind: 'UNIT', id: deadline.unitId }] : [{ kind: 'OFFICE' }];
  }

  async notificationData(manager: EntityManager, instanceIds: string[]): Promise<Map<string, Record<string, unknown>>> {
    const titles = await titlesById(manager, 'review_opinion_lists', instanceIds);
    return new Map(instanceIds.map((id) => [id, { reviewOpinionListId: id, title: titles.get(id) ?? '', number: '审议意见清单' }]));
  }

  async performEffect(scope: ApplyScope, effect: ExecutableActionObject): Promise<void> {
    switch (effect.type) {
      case 'storeItemReport': {
        const params = effect.params as ReviewListEffects['storeItemReport'];
        await this.lists.storeItemReport(scope.manager, params.itemId, params.text, params.at);
        return;
      }
      case 'storeSendBack': {
        const params = effect.params as ReviewListEffects['storeSendBack'];
        await this.lists.storeSendBack(scope.manager, params.itemId, params.reason);
        return;
      }
      case 'storeListReport': {
        const params = effect.params as ReviewListEffects['storeListReport'];
        await this.lists.storeListReport(scope.manager, scope.instanceId, params.text);
        return;
      }
      default:
        throw new Error(`Review-opinion list effect ${effect.type} has no implementation`);
    }
  }

  async project(scope: ApplyScope): Promise<void> {
    const before = scope.before.context as ReviewListContext;
    const after = scope.after.context as ReviewListContext;
    await this.lists.projectList(scope.manager, scope.instanceId, {
      state: this.headlineState(scope.after.value),
      assignedAt: after.assignedAt,
      reportDueAt: after.reportDueAt,
      reportSubmittedAt: after.reportSubmittedAt,
      reportOverdue: after.reportOverdue,
      concludedAt: after.concludedAt,
    });
    const changed = after.items.filter((item) => JSON.stringify(item) !== JSON.stringify(before.items.find((b) => b.id === item.id)));
    await this.lists.projectItems(scope.manager, changed);
  }
}
