import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SUGGESTION_WORKFLOW_NAME } from '../constants/meetings.constant';
import { VoteSubjectKind } from '../constants/vote-subject.constant';
import type { TenantScope } from '../repositories/key-proposal.repository';
import { KeyItemRepository } from '../repositories/key-item.repository';
import { VoteSubject, VoteSubjectProvider, VoteSubjectRegistry } from './vote-subject-registry.service';

/** Key suggestions as vote subjects: only those the council has heard await a vote. */
@Injectable()
export class KeySuggestionVoteSubjectProvider implements VoteSubjectProvider, OnModuleInit {
  readonly kind = VoteSubjectKind.KEY_SUGGESTION;
  readonly noun = 'suggestion';
  readonly workflow = SUGGESTION_WORKFLOW_NAME;

  constructor(
    private readonly registry: VoteSubjectRegistry,
    private readonly keyItems: KeyItemRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async describe(scope: TenantScope, ids: string[], manager?: EntityManager): Promise<VoteSubject[]> {
    return (await this.keyItems.suggestionFacts(scope, ids, manager)).map((fact) => ({
      kind: this.kind,
      id: fact.id,
      number: fact.number,
      title: fact.title,
      refusal: !fact.isKey ? 'not a key suggestion' : fact.keyState === 'heard' ? null : `must be heard by the council first (key state ${fact.keyState})`,
    }));
  }
}
