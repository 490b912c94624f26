import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AnyMachineSnapshot, ExecutableActionObject, StateValue } from 'xstate';
import type { Actor } from '@app/workflows/common/actor';
import {
  CURRENT_VOTE_SESSION_MACHINE_VERSION,
  decideItemResult,
  explainVoteRefusal,
  mayActorSendVoteEvent,
  persistVoteSnapshot,
  PersistedVoteSessionSnapshot,
  restoreVoteSnapshot,
  voteSessionEventTypes,
  voteSessionMachines,
  VoteSessionContext,
  VoteSessionEffects,
  VoteSessionEvent,
  VoteSessionEventType,
} from '@app/workflows/vote-session';
import { JurisdictionProfileService } from '@app/accounts';
import { DeadlineEntity } from '@app/deadlines';
import { OutboxRecipient } from '@app/notifications';
import { ApplyScope, EnvelopedEvent, titlesById, WorkflowDefinition, WorkflowRegistry } from '@app/workflow-engine';
import { VOTE_SESSION_WORKFLOW } from '../constants/meetings.constant';
import { VoteRepository } from '../repositories/vote.repository';
import { VoteSubjectRegistry } from './vote-subject-registry.service';

/**
 * The satisfaction vote as the engine's second workflow. CLOSE seals the tallies into results and sends
 * RECORD_VOTE_RESULT to every item's subject through `scope.send` (the workflow its kind's provider names), so the
 * session's close and each subject's outcome (a suggestion's re-handling, a review-opinion list's new report, each
 * with a REPORT_AGAIN deadline when it failed) commit together or not at all.
 */
@Injectable()
export class VoteSessionWorkflowDefinition implements WorkflowDefinition, OnModuleInit {
  readonly name = VOTE_SESSION_WORKFLOW;
  readonly currentVersion = CURRENT_VOTE_SESSION_MACHINE_VERSION;
  readonly eventTypes: readonly string[] = voteSessionEventTypes;

  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly votes: VoteRepository,
    private readonly subjects: VoteSubjectRegistry,
    private readonly profiles: JurisdictionProfileService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  machine(version: number) {
    const machine = voteSessionMachines[version];
    if (!machine) throw new Error(`No vote-session machine version ${version}`);
    return machine;
  }

  restore(version: number, persisted: Record<string, unknown>): AnyMachineSnapshot {
    return restoreVoteSnapshot(this.machine(version), persisted as unknown as PersistedVoteSessionSnapshot) as AnyMachineSnapshot;
  }

  persist(snapshot: AnyMachineSnapshot): Record<string, unknown> {
    return persistVoteSnapshot(snapshot) as unknown as Record<string, unknown>;
  }

  headlineState(value: StateValue): string {
    return typeof value === 'string' ? value : Object.keys(value)[0];
  }

  mayActorSend(eventType: string, actor: Actor, context: unknown): boolean {
    return mayActorSendVoteEvent(eventType as VoteSessionEventType, actor, context as VoteSessionContext);
  }

  explainRefusal(context: unknown, event: EnvelopedEvent): string | null {
    return explainVoteRefusal(context as VoteSessionContext, event as unknown as VoteSessionEvent);
  }

  dueDates(jurisdictionId: string, at: Date): Promise<Record<string, string>> {
    return this.profiles.dueDates(jurisdictionId, at);
  }

  async reminderOffsetsDays(jurisdictionId: string): Promise<number[]> {
    return (await this.profiles.getProfile(jurisdictionId)).reminderOffsetsDays;
  }

  deadlineRecipients(_deadline: DeadlineEntity, _context: unknown): OutboxRecipient[] {
    return [{ kind: 'OFFICE' }];
  }

  async notificationData(manager: EntityManager, instanceIds: string[]): Promise<Map<string, Record<string, unknown>>> {
    const titles = await titlesById(manager, 'vote_sessions', instanceIds);
    return new Map(instanceIds.map((id) => [id, { voteSessionId: id, title: titles.get(id) ?? '', number: '' }]));
  }

  async performEffect(scope: ApplyScope, effect: ExecutableActionObject): Promise<void> {
    const tenant = { jurisdictionId: scope.jurisdictionId };
    switch (effect.type) {
      case 'fixEntitledVoters': {
        const { voters } = effect.params as VoteSessionEffects['fixEntitledVoters'];
        await this.votes.fixEntitledVoters(scope.manager, tenant, scope.instanceId, voters);
        return;
      }
      case 'recordResults':
        await this.recordResults(scope);
        return;
      case 'allocateAnnouncementNumber': {
        const rows: Array<{ year: number }> = await scope.manager.query(
          'SELECT extract(year FROM meeting_date)::int AS year FROM vote_sessions WHERE id = $1',
          [scope.instanceId],
        );
        await this.votes.allocateAnnouncementNumber(scope.manager, tenant, scope.instanceId, rows[0].year);
        return;
      }
      default:
        throw new Error(`Vote-session effect ${effect.type} has no implementation`);
    }
  }

  private async recordResults(scope: ApplyScope): Promise<void> {
    const { rules } = scope.after.context as VoteSessionContext;
    const tallies = await this.votes.takeTallies(scope.manager, scope.instanceId);
    // One order for every close, so two transactions touching the same subjects lock them alike.
    tallies.sort((a, b) => a.subjectId.localeCompare(b.subjectId) || a.subjectKind.localeCompare(b.subjectKind));
    for (const tally of tallies) {
      const result = decideItemResult(tally, rules);
      await this.votes.writeResult(scope.manager, tally.itemId, result);
      const provider = this.subjects.get(tally.subjectKind);
      const shared = provider.resultInstanceId ? await provider.resultInstanceId(scope.manager, tally.subjectId) : null;
      await scope.send({
        workflow: provider.workflow,
        instanceId: shared ?? tally.subjectId,
        event: { type: 'RECORD_VOTE_RESULT', voteSessionId: scope.instanceId, passed: result.passed, ...(shared ? { subjectId: tally.subjectId } : {}) },
      });
    }
  }

  async project(scope: ApplyScope): Promise<void> {
    const context = scope.after.context as VoteSessionContext;
    await this.votes.project(scope.manager, scope.instanceId, {
      state: this.headlineState(scope.after.value),
      openedAt: context.openedAt,
      closedAt: context.closedAt,
      publishedAt: context.publishedAt,
    });
  }
}
