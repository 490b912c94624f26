import { Injectable } from '@nestjs/common';
import type { AnyMachineSnapshot } from 'xstate';
import type { SuggestionContext } from '@app/workflows/suggestion';
import type { DeadlineEntity } from '@app/deadlines';
import type { AuditEventEntity } from '@app/workflow-engine';
import { SuggestionEntity } from '../entities/suggestion.entity';
import { AssignmentEntity } from '../entities/assignment.entity';
import { ReplyEntity } from '../entities/reply.entity';
import { FeedbackEntity } from '../entities/feedback.entity';

export type SuggestionView = Omit<SuggestionEntity, 'jurisdictionId'>;

export interface SuggestionDetail extends SuggestionView {
  stateValue: unknown;
  proposers: SuggestionContext['proposers'];
  key: SuggestionContext['key'];
  disclosure: SuggestionContext['disclosure'];
  assignments: Omit<AssignmentEntity, 'jurisdictionId'>[];
  replies: Omit<ReplyEntity, 'jurisdictionId'>[];
  feedback: Omit<FeedbackEntity, 'jurisdictionId'>[];
  openDeadlines: Array<Pick<DeadlineEntity, 'id' | 'key' | 'kind' | 'unitId' | 'dueAt'>>;
  history: Array<Pick<AuditEventEntity, 'seq' | 'eventType' | 'fromState' | 'toState' | 'actorUserId' | 'payload' | 'reason' | 'at' | 'hash'>>;
  /** Events the caller may send now. */
  allowedEvents: string[];
}

const withoutTenant = <T extends { jurisdictionId: string }>({ jurisdictionId: _omit, ...rest }: T): Omit<T, 'jurisdictionId'> => rest;

/** Shapes suggestions for the API; the tenant id never leaves the server. */
@Injectable()
export class SuggestionViewMapper {
  toView(row: SuggestionEntity): SuggestionView {
    return withoutTenant(row);
  }

  toDetail(parts: {
    suggestion: SuggestionEntity;
    snapshot: AnyMachineSnapshot;
    history: AuditEventEntity[];
    openDeadlines: DeadlineEntity[];
    assignments: AssignmentEntity[];
    replies: ReplyEntity[];
    feedback: FeedbackEntity[];
    allowedEvents: string[];
  }): SuggestionDetail {
    const context = parts.snapshot.context as SuggestionContext;
    return {
      ...this.toView(parts.suggestion),
      stateValue: parts.snapshot.value,
      proposers: context.proposers,
      key: context.key,
      disclosure: context.disclosure,
      assignments: parts.assignments.map(withoutTenant),
      replies: parts.replies.map(withoutTenant),
      feedback: parts.feedback.map(withoutTenant),
      openDeadlines: parts.openDeadlines.map(({ id, key, kind, unitId, dueAt }) => ({ id, key, kind, unitId, dueAt })),
      history: parts.history.map(({ seq, eventType, fromState, toState, actorUserId, payload, reason, at, hash }) => ({
        seq, eventType, fromState, toState, actorUserId, payload, reason, at, hash,
      })),
      allowedEvents: parts.allowedEvents,
    };
  }
}
