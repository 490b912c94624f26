import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { VoteSubjectKind } from '../constants/vote-subject.constant';
import type { TenantScope } from '../repositories/key-proposal.repository';

export interface VoteSubjectRef {
  kind: string;
  id: string;
}

/** A subject as a vote session shows it, and whether it may be voted on now. */
export interface VoteSubject extends VoteSubjectRef {
  number: number | null;
  title: string;
  /** Null when the subject awaits a vote; otherwise why it does not, in words. */
  refusal: string | null;
}

/**
 * What the domain of one subject kind tells the vote session. Registered by that domain when its module starts,
 * so libs/meetings never imports it (the pattern of WorkflowRegistry.onProjected).
 */
export interface VoteSubjectProvider {
  readonly kind: VoteSubjectKind;
  /** What a subject of this kind is called in messages ("suggestion", "review-opinion list"). */
  readonly noun: string;
  /** The workflow whose instance of the subject's id takes RECORD_VOTE_RESULT { voteSessionId, passed } at CLOSE. */
  readonly workflow: string;
  /** The subjects among `ids` that exist in the jurisdiction; read inside `manager`'s transaction when given. */
  describe(scope: TenantScope, ids: string[], manager?: EntityManager): Promise<VoteSubject[]>;
  /**
   * For kinds whose subjects share one workflow instance (a year's livelihood projects share their vote): the
   * instance that takes the result, which then names the subject as `subjectId`. Absent: the subject's own instance.
   */
  resultInstanceId?(manager: EntityManager, subjectId: string): Promise<string>;
}

export const subjectKey = (ref: VoteSubjectRef) => `${ref.kind}_${ref.id}`;

/** Subject providers by kind. */
@Injectable()
export class VoteSubjectRegistry {
  private readonly providers = new Map<string, VoteSubjectProvider>();

  register(provider: VoteSubjectProvider): void {
    if (this.providers.has(provider.kind)) throw new Error(`Vote subject kind ${provider.kind} is registered twice`);
    this.providers.set(provider.kind, provider);
  }

  has(kind: string): boolean {
    return this.providers.has(kind);
  }

  get(kind: string): VoteSubjectProvider {
    const provider = this.providers.get(kind);
    if (!provider) throw new Error(`No vote subject provider for ${kind} is registered`);
    return provider;
  }

  kinds(): string[] {
    return [...this.providers.keys()];
  }

  /** Every subject found, by subjectKey; subjects of kinds nobody registered are left out like missing ones. */
  async describe(scope: TenantScope, refs: VoteSubjectRef[], manager?: EntityManager): Promise<Map<string, VoteSubject>> {
    const byKind = new Map<string, string[]>();
    for (const ref of refs) byKind.set(ref.kind, [...(byKind.get(ref.kind) ?? []), ref.id]);
    const found = new Map<string, VoteSubject>();
    for (const [kind, ids] of byKind) {
      if (!this.has(kind)) continue;
      for (const subject of await this.get(kind).describe(scope, ids, manager)) found.set(subjectKey(subject), subject);
    }
    return found;
  }

  /** One line per subject that cannot be voted on now: unknown, or refused by its domain. */
  refusals(refs: VoteSubjectRef[], found: Map<string, VoteSubject>): string[] {
    return refs.flatMap((ref) => {
      const subject = found.get(subjectKey(ref));
      if (!subject) return [`${ref.id}: no such ${this.has(ref.kind) ? this.get(ref.kind).noun : ref.kind}`];
      return subject.refusal ? [`${ref.id}: ${subject.refusal}`] : [];
    });
  }
}
