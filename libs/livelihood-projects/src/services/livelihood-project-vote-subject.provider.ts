import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { VoteSubject, VoteSubjectProvider, VoteSubjectRegistry } from '@app/meetings';
import { LIVELIHOOD_VOTE_WORKFLOW } from '../constants/livelihood.constant';
import { LIVELIHOOD_PROJECT_SUBJECT } from '../constants/livelihood-subject.constant';
import { LivelihoodRepository } from '../repositories/livelihood.repository';
import { CandidateOutcome } from '../utils/candidate-outcome.util';

/**
 * Puts a chosen livelihood project to the year-end satisfaction vote (a vote session of the standing committee, with
 * invited deputies where the profile allows). The session's CLOSE sends RECORD_VOTE_RESULT { subjectId } to the
 * project's vote, which concludes once every chosen project is scored.
 */
@Injectable()
export class LivelihoodProjectVoteSubjectProvider implements VoteSubjectProvider, OnModuleInit {
  readonly kind = LIVELIHOOD_PROJECT_SUBJECT;
  readonly noun = 'livelihood project';
  readonly workflow = LIVELIHOOD_VOTE_WORKFLOW;

  constructor(
    private readonly registry: VoteSubjectRegistry,
    private readonly votes: LivelihoodRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async describe(scope: { jurisdictionId: string }, ids: string[], manager?: EntityManager): Promise<VoteSubject[]> {
    return (await this.votes.scoreFacts(scope, ids, manager)).map((project) => ({
      kind: this.kind,
      id: project.id,
      number: project.position,
      title: project.title,
      refusal:
        project.outcome !== CandidateOutcome.CHOSEN ? 'not a chosen project'
        : project.voteState !== 'tracking' ? `its vote is ${project.voteState}, not tracking its projects`
        : project.scored ? 'already scored this year' : null,
    }));
  }

  /** All projects of a year share the vote's instance, which takes the result naming the project. */
  async resultInstanceId(manager: EntityManager, subjectId: string): Promise<string> {
    const voteId = await this.votes.voteIdOf(manager, subjectId);
    if (!voteId) throw new Error(`Livelihood project ${subjectId} has no vote`);
    return voteId;
  }
}
