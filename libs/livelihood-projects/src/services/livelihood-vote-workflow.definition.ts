import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ExecutableActionObject } from 'xstate';
import {
  CURRENT_LIVELIHOOD_VOTE_MACHINE_VERSION,
  explainLivelihoodRefusal,
  livelihoodEventTypes,
  livelihoodVoteMachines,
  LivelihoodContext,
  LivelihoodEffects,
  LivelihoodEvent,
  LivelihoodEventType,
  mayActorSendLivelihoodEvent,
  persistLivelihoodSnapshot,
  PersistedLivelihoodSnapshot,
  PROGRESS_DEADLINE_KEY,
  restoreLivelihoodSnapshot,
} from '@app/workflows/livelihood-vote';
import { JurisdictionProfileService } from '@app/accounts';
import { DeadlineEntity } from '@app/deadlines';
import { OutboxRecipient } from '@app/notifications';
import { ApplyScope, MachineFamily, MachineWorkflowDefinition, titlesById, WorkflowDefinition, WorkflowRegistry } from '@app/workflow-engine';
import { LIVELIHOOD_VOTE_WORKFLOW } from '../constants/livelihood.constant';
import { LivelihoodBallotRepository } from '../repositories/livelihood-ballot.repository';
import { CandidateProjection, LivelihoodRepository } from '../repositories/livelihood.repository';
import { candidateOutcome } from '../utils/candidate-outcome.util';
import { livelihoodDueDates } from '../utils/livelihood-due-dates.util';

const LIVELIHOOD_MACHINES: MachineFamily = {
  machines: livelihoodVoteMachines,
  currentVersion: CURRENT_LIVELIHOOD_VOTE_MACHINE_VERSION,
  eventTypes: livelihoodEventTypes,
  restore: (machine, persisted) => restoreLivelihoodSnapshot(machine, persisted as unknown as PersistedLivelihoodSnapshot),
  persist: persistLivelihoodSnapshot,
  mayActorSend: (type, actor, context) => mayActorSendLivelihoodEvent(type as LivelihoodEventType, actor, context as LivelihoodContext),
  explainRefusal: (context, event) => explainLivelihoodRefusal(context as LivelihoodContext, event as unknown as LivelihoodEvent),
};

/**
 * The livelihood-project vote (民生实事项目代表票决制) as the engine runs it. Candidates, rounds and projects live in the
 * machine's context; this definition keeps the texts the machine does not hold, fixes each round's voters and counters,
 * and mirrors state, outcomes and progress into livelihood_votes and livelihood_candidates after every event.
 */
@Injectable()
export class LivelihoodVoteWorkflowDefinition extends MachineWorkflowDefinition implements WorkflowDefinition, OnModuleInit {
  readonly name = LIVELIHOOD_VOTE_WORKFLOW;

  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly votes: LivelihoodRepository,
    private readonly ballots: LivelihoodBallotRepository,
    private readonly profiles: JurisdictionProfileService,
  ) {
    super(LIVELIHOOD_MACHINES);
  }

  onModuleInit(): void {
    this.registry.register(this);
  }

  async dueDates(jurisdictionId: string, at: Date): Promise<Record<string, string>> {
    return livelihoodDueDates(at, await this.profiles.getProfile(jurisdictionId)) as Record<string, string>;
  }

  async reminderOffsetsDays(jurisdictionId: string): Promise<number[]> {
    return (await this.profiles.getProfile(jurisdictionId)).reminderOffsetsDays;
  }

  /** A milestone reminds its project's unit; the report to the standing committee is tracked by the office. */
  deadlineRecipients(deadline: DeadlineEntity): OutboxRecipient[] {
    return deadline.unitId ? [{ kind: 'UNIT', id: deadline.unitId }] : [{ kind: 'OFFICE' }];
  }

  async notificationData(manager: EntityManager, instanceIds: string[]): Promise<Map<string, Record<string, unknown>>> {
    const titles = await titlesById(manager, 'livelihood_votes', instanceIds);
    return new Map(instanceIds.map((id) => [id, { livelihoodVoteId: id, title: titles.get(id) ?? '', number: '民生实事项目' }]));
  }

  async performEffect(scope: ApplyScope, effect: ExecutableActionObject): Promise<void> {
    const tenant = { jurisdictionId: scope.jurisdictionId };
    switch (effect.type) {
      case 'fixEntitledVoters': {
        const { round, voters, candidateIds } = effect.params as LivelihoodEffects['fixEntitledVoters'];
        await this.ballots.fixEntitledVoters(scope.manager, tenant, { voteId: scope.instanceId, round }, voters, candidateIds);
        return;
      }
      case 'storeProgress': {
        const params = effect.params as LivelihoodEffects['storeProgress'];
        await this.votes.insertProgressReport(scope.manager, {
          jurisdictionId: scope.jurisdictionId, voteId: scope.instanceId, projectId: params.projectId, percent: params.percent,
          text: params.text, milestoneIds: params.milestoneIds, reportedBy: scope.event.actor.userId, reportedAt: new Date(params.at),
        });
        return;
      }
      case 'storeCommitteeReport': {
        const params = effect.params as LivelihoodEffects['storeCommitteeReport'];
        // Measured against the deadline open before this report: none open means it had passed and was escalated.
        const due = (scope.before.context as LivelihoodContext).deadlines[PROGRESS_DEADLINE_KEY]?.dueAt ?? null;
        await this.votes.insertCommitteeReport(scope.manager, {
          jurisdictionId: scope.jurisdictionId, voteId: scope.instanceId, text: params.text, reportedBy: scope.event.actor.userId,
          reportedAt: new Date(params.at), dueAt: due ? new Date(due) : null, onTime: due !== null && Date.parse(params.at) <= Date.parse(due),
        });
        return;
      }
      default:
        throw new Error(`Livelihood-vote effect ${effect.type} has no implementation`);
    }
  }

  async project(scope: ApplyScope): Promise<void> {
    const after = scope.after.context as LivelihoodContext;
    await this.votes.projectVote(scope.manager, scope.instanceId, {
      state: this.headlineState(scope.after.value),
      electorate: after.rounds[0]?.electorate ?? after.ballot?.electorate ?? null,
      concludedAt: after.concludedAt,
    });
    const before = projections(scope.before.context as LivelihoodContext);
    const changed = projections(after).filter((row) => JSON.stringify(row) !== JSON.stringify(before.find((b) => b.id === row.id)));
    await this.votes.projectCandidates(scope.manager, changed);
    if (scope.event.type === 'WITHDRAW_CANDIDATE') {
      await this.votes.storeWithdrawReason(scope.manager, String(scope.event.candidateId), String(scope.event.reason));
    }
  }
}

function projections(context: LivelihoodContext): CandidateProjection[] {
  return context.candidates.map((candidate) => ({
    id: candidate.id,
    withdrawn: candidate.withdrawn,
    outcome: candidateOutcome(context, candidate.id),
    progress: context.projects.find((p) => p.id === candidate.id)?.progress ?? 0,
  }));
}
