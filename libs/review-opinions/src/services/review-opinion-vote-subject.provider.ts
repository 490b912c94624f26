import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { VoteSubject, VoteSubjectKind, VoteSubjectProvider, VoteSubjectRegistry } from '@app/meetings';
import { REVIEW_OPINION_LIST_WORKFLOW } from '../constants/review-opinions.constant';
import { ReviewOpinionRepository } from '../repositories/review-opinion.repository';

/** The state in which a list's written report waits for the standing committee's score. */
const AWAITING_SCORE = 'reported';

/**
 * Puts a review-opinion list's written report to the standing committee's satisfaction vote. The session's CLOSE
 * sends RECORD_VOTE_RESULT to the list: passed concludes it, failed asks the reporting body for a new report
 * (the machine's REPORT_AGAIN deadline), which may go to a later session.
 */
@Injectable()
export class ReviewOpinionVoteSubjectProvider implements VoteSubjectProvider, OnModuleInit {
  readonly kind = VoteSubjectKind.REVIEW_OPINION_LIST;
  readonly noun = 'review-opinion list';
  readonly workflow = REVIEW_OPINION_LIST_WORKFLOW;

  constructor(
    private readonly registry: VoteSubjectRegistry,
    private readonly lists: ReviewOpinionRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async describe(scope: { jurisdictionId: string }, ids: string[], manager?: EntityManager): Promise<VoteSubject[]> {
    return (await this.lists.voteFacts(scope, ids, manager)).map((list) => ({
      kind: this.kind,
      id: list.id,
      number: null,
      title: list.title,
      refusal: list.state === AWAITING_SCORE ? null : `its written report must be submitted and not yet scored (the list is ${list.state})`,
    }));
  }
}
