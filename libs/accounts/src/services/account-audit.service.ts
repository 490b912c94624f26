import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { auditHash, findBrokenLink } from '@app/workflow-engine';
import { ACCOUNTS_WORKFLOW, AccountEventType } from '../constants/account-event.constant';
import { AccountAuditRepository } from '../repositories/account-audit.repository';
import type { TenantScope } from '../repositories/directory.repository';

export interface AccountEvent {
  jurisdictionId: string;
  /** Who acted: the user, or for a failed sign-in 'anonymous'. */
  actor: { userId: string; roles: string[] };
  eventType: AccountEventType;
  /** Before → after, where the event changes something nameable (roles, active flag). */
  fromState?: string | null;
  toState: string;
  /** Facts of the event; `userId` names the account it concerns. Never a password or token. */
  payload: Record<string, unknown>;
  reason?: string | null;
  at: Date;
}

/**
 * Writes account events into the audit trail, inside the caller's transaction. They chain per jurisdiction (not per
 * instance, as workflow events do): there is no instance, and one chain per tenant is what an auditor checks.
 */
@Injectable()
export class AccountAuditService {
  constructor(private readonly audit: AccountAuditRepository) {}

  async record(manager: EntityManager, event: AccountEvent): Promise<void> {
    const head = await this.audit.lockHead(manager, event);
    const seq = head.seq + 1;
    const fromState = event.fromState ?? null;
    const hash = auditHash(head.hash, {
      instanceId: null, seq, eventType: event.eventType, actorUserId: event.actor.userId, fromState, toState: event.toState,
      payload: event.payload, at: event.at.toISOString(),
    });
    await this.audit.append(manager, {
      jurisdictionId: event.jurisdictionId, workflow: ACCOUNTS_WORKFLOW, instanceId: null, seq, actorUserId: event.actor.userId,
      actorRoles: event.actor.roles, eventType: event.eventType, fromState, toState: event.toState, payload: event.payload,
      reason: event.reason ?? null, at: event.at, prevHash: head.hash, hash,
    });
  }

  /** Index of the first account event whose hash does not follow, or -1 when the jurisdiction's chain holds. */
  async verify(scope: TenantScope): Promise<{ events: number; brokenAt: number }> {
    const chain = await this.audit.chain(scope);
    const brokenAt = findBrokenLink(
      chain.map((event) => ({
        instanceId: event.instanceId, seq: event.seq, eventType: event.eventType, actorUserId: event.actorUserId,
        fromState: event.fromState, toState: event.toState, payload: event.payload, at: event.at.toISOString(),
        prevHash: event.prevHash, hash: event.hash,
      })),
    );
    return { events: chain.length, brokenAt };
  }
}
