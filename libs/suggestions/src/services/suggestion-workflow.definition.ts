import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AnyMachineSnapshot, ExecutableActionObject, StateValue } from 'xstate';
import type { Actor } from '@app/workflows/common/actor';
import {
  CURRENT_SUGGESTION_MACHINE_VERSION,
  eventTypes,
  explainRefusal,
  persistSnapshot,
  PersistedSuggestionSnapshot,
  restoreSnapshot,
  suggestionMachines,
  SuggestionContext,
  SuggestionEffects,
  SuggestionEvent,
} from '@app/workflows/suggestion';
import { JurisdictionProfileService, maySendSuggestionEvent } from '@app/accounts';
import { DeadlineEntity } from '@app/deadlines';
import { OutboxRecipient } from '@app/notifications';
import { ApplyScope, EnvelopedEvent, WorkflowDefinition, WorkflowRegistry } from '@app/workflow-engine';
import { SuggestionRepository } from '../repositories/suggestion.repository';

export const SUGGESTION_WORKFLOW = 'suggestion';

type Effect<K extends keyof SuggestionEffects> = SuggestionEffects[K];

/** Headline of a suggestion state: the top-level state, or where the handling region stands while active. */
export function suggestionHeadline(value: StateValue): string {
  if (typeof value === 'string') return value;
  const active = (value as { active?: { handling?: StateValue } }).active;
  return typeof active?.handling === 'string' ? active.handling : Object.keys(value)[0];
}

function regionState(value: StateValue, region: 'key' | 'disclosure'): string | null {
  if (typeof value === 'string') return null;
  const state = (value as { active?: Record<string, StateValue> }).active?.[region];
  return typeof state === 'string' ? state : null;
}

/** The suggestion workflow as the engine runs it: the machine, and how its effects become rows. */
@Injectable()
export class SuggestionWorkflowDefinition implements WorkflowDefinition, OnModuleInit {
  readonly name = SUGGESTION_WORKFLOW;
  readonly currentVersion = CURRENT_SUGGESTION_MACHINE_VERSION;
  readonly eventTypes: readonly string[] = eventTypes;

  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly suggestions: SuggestionRepository,
    private readonly profiles: JurisdictionProfileService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  machine(version: number) {
    const machine = suggestionMachines[version];
    if (!machine) throw new Error(`No suggestion machine version ${version}`);
    return machine;
  }

  restore(version: number, persisted: Record<string, unknown>): AnyMachineSnapshot {
    return restoreSnapshot(this.machine(version), persisted as unknown as PersistedSuggestionSnapshot) as AnyMachineSnapshot;
  }

  persist(snapshot: AnyMachineSnapshot): Record<string, unknown> {
    return persistSnapshot(snapshot as never) as unknown as Record<string, unknown>;
  }

  headlineState(value: StateValue): string {
    return suggestionHeadline(value);
  }

  mayActorSend(eventType: string, actor: Actor, context: unknown): boolean {
    return maySendSuggestionEvent(eventType as SuggestionEvent['type'], actor, context as SuggestionContext);
  }

  explainRefusal(context: unknown, event: EnvelopedEvent): string | null {
    return explainRefusal(context as SuggestionContext, event as unknown as SuggestionEvent);
  }

  dueDates(jurisdictionId: string, at: Date): Promise<Record<string, string>> {
    return this.profiles.dueDates(jurisdictionId, at);
  }

  async reminderOffsetsDays(jurisdictionId: string): Promise<number[]> {
    return (await this.profiles.getProfile(jurisdictionId)).reminderOffsetsDays;
  }

  deadlineRecipients(deadline: DeadlineEntity, context: unknown): OutboxRecipient[] {
    const ctx = context as SuggestionContext;
    if (deadline.unitId) return [{ kind: 'UNIT', id: deadline.unitId }];
    if (deadline.kind === 'FEEDBACK') {
      return ctx.proposers.filter((p) => p.status === 'CONFIRMED').map((p) => ({ kind: 'DEPUTY', id: p.deputyId }));
    }
    if (deadline.kind === 'REPORT_AGAIN' && ctx.key) {
      return [
        { kind: 'OFFICE' },
        { kind: 'LEADER', id: ctx.key.leadingLeaderId },
        ...ctx.assignments.filter((a) => a.round === ctx.round).map((a): OutboxRecipient => ({ kind: 'UNIT', id: a.unitId })),
      ];
    }
    return [{ kind: 'OFFICE' }];
  }

  async notificationData(manager: EntityManager, instanceIds: string[]): Promise<Map<string, Record<string, unknown>>> {
    const rows = await this.suggestions.titlesAndNumbers(manager, instanceIds);
    return new Map(instanceIds.map((id) => {
      const row = rows.get(id);
      return [id, { suggestionId: id, title: row?.title ?? '', number: row?.number ? `第${row.number}号` : '' }];
    }));
  }

  async performEffect(scope: ApplyScope, effect: ExecutableActionObject): Promise<void> {
    const { manager, instanceId, event } = scope;
    switch (effect.type) {
      case 'allocateNumber':
        await this.suggestions.allocateNumber(manager, instanceId);
        return;
      case 'absorbInto': {
        const params = effect.params as Effect<'absorbInto'>;
        await this.suggestions.markMerged(manager, instanceId, params.targetSuggestionId);
        await scope.send({
          workflow: SUGGESTION_WORKFLOW,
          instanceId: params.targetSuggestionId,
          event: { type: 'ABSORB', sourceSuggestionId: instanceId, proposers: params.proposers },
        });
        return;
      }
      case 'recordAssignment':
        // The assignment row is written by the projection from the context, which holds all its fields.
        return;
      case 'endAssignment': {
        const params = effect.params as Effect<'endAssignment'>;
        await this.suggestions.endAssignment(manager, instanceId, params.unitId, params.round);
        return;
      }
      case 'recordReply':
        await this.recordReply(scope, effect.params as Effect<'recordReply'>);
        return;
      case 'recordFeedback': {
        const params = effect.params as Effect<'recordFeedback'>;
        await this.suggestions.insertFeedback(manager, {
          suggestionId: instanceId,
          jurisdictionId: scope.jurisdictionId,
          deputyId: params.deputyId,
          round: params.round,
          handlingWork: params.handlingWork,
          result: params.result,
          comment: event.type === 'GIVE_FEEDBACK' && typeof event.comment === 'string' ? event.comment : null,
          givenAt: new Date(event.at),
        });
        return;
      }
      default:
        throw new Error(`Suggestion effect ${effect.type} has no implementation`);
    }
  }

  private async recordReply(scope: ApplyScope, params: Effect<'recordReply'>): Promise<void> {
    const before = scope.before.context as SuggestionContext;
    const after = scope.after.context as SuggestionContext;
    const find = (ctx: SuggestionContext) => ctx.assignments.find((a) => a.unitId === params.unitId && a.round === params.round);
    const dueAt = find(before)?.replyDueAt;
    const event = scope.event;
    await this.suggestions.insertReply(scope.manager, {
      jurisdictionId: scope.jurisdictionId,
      suggestionId: scope.instanceId,
      unitId: params.unitId,
      round: params.round,
      classification: params.classification,
      text: String(event.text ?? ''),
      signedBy: typeof event.signedBy === 'string' ? event.signedBy : null,
      contactPerson: typeof event.contactPerson === 'string' ? event.contactPerson : null,
      contactPhone: typeof event.contactPhone === 'string' ? event.contactPhone : null,
      agreesToDisclosure: event.agreesToDisclosure === true,
      isFollowUp: params.followUp,
      precededByContact: (find(after)?.contacts ?? 0) > 0,
      onTime: params.followUp || !dueAt || new Date(event.at).getTime() <= new Date(dueAt).getTime(),
      repliedAt: new Date(event.at),
    });
  }

  /** The projection rows; for a single event also its outcome (number and open deadlines), read by the same statement. */
  async project(scope: ApplyScope): Promise<void | Record<string, unknown>> {
    const before = scope.before.context as SuggestionContext;
    const after = scope.after.context as SuggestionContext;
    const value = scope.after.value;
    const tenant = { jurisdictionId: scope.jurisdictionId };
    const current = after.assignments.filter((a) => a.round === after.round);
    const changed = after.assignments.filter(
      (a) => JSON.stringify(a) !== JSON.stringify(before.assignments.find((b) => b.unitId === a.unitId && b.round === a.round)),
    );
    const outcome = await this.suggestions.project(
      scope.manager,
      tenant,
      scope.instanceId,
      {
        state: suggestionHeadline(value),
        round: after.round,
        classification: after.classification,
        overdue: current.some((a) => a.overdue && a.classification === null),
        isKey: after.key !== null,
        keyState: regionState(value, 'key'),
        disclosureState: regionState(value, 'disclosure'),
      },
      { assignments: changed, at: new Date(scope.event.at), answer: scope.answering },
    );
    if (JSON.stringify(before.proposers) !== JSON.stringify(after.proposers)) {
      await this.suggestions.replaceProposers(scope.manager, tenant, scope.instanceId, after.proposers);
    }
    if (scope.event.type === 'SUBMIT') await this.suggestions.markSubmitted(scope.manager, scope.instanceId, new Date(scope.event.at));
    return outcome ? { ...outcome } : undefined;
  }
}
