import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LivelihoodContext } from '@app/workflows/livelihood-vote';
import { AuthUser } from '@app/accounts';
import { invalidInput } from '@app/persistence';
import { WorkflowInstanceRepository } from '@app/workflow-engine';
import { LIVELIHOOD_VOTE_WORKFLOW } from '../constants/livelihood.constant';
import { ApprovalBallotDto } from '../dtos/livelihood-vote.dto';
import { LivelihoodException, LivelihoodExceptionCode } from '../exceptions/livelihood.exception';
import { LivelihoodBallotRepository } from '../repositories/livelihood-ballot.repository';
import { checkApprovals } from '../utils/approval-ballot.util';

/**
 * 差额票决 ballots. One ballot per entitled deputy and round writes a receipt (who) and adds 1 or 0 to a counter shard of
 * every candidate on the ballot (what) in one transaction, and nothing else: no audit entry, no log line, no id or time
 * that pairs them.
 */
@Injectable()
export class LivelihoodBallotService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly instances: WorkflowInstanceRepository,
    private readonly ballots: LivelihoodBallotRepository,
  ) {}

  async cast(user: AuthUser, voteId: string, dto: ApprovalBallotDto): Promise<{ round: number; ballotReturned: true }> {
    return this.dataSource.transaction(async (manager) => {
      // A share lock on the instance: ballots run side by side, CLOSE waits for them and later ones see the round closed.
      const persisted = await this.instances.lockSnapshot(manager, { jurisdictionId: user.jurisdictionId, workflow: LIVELIHOOD_VOTE_WORKFLOW }, voteId, 'SHARE');
      if (!persisted) throw new LivelihoodException(LivelihoodExceptionCode.LIVELIHOOD_VOTE_NOT_FOUND, `Livelihood vote ${voteId} not found`);
      const { ballot } = persisted.context as unknown as LivelihoodContext;
      if (persisted.value !== 'voting' || !ballot) {
        throw new LivelihoodException(LivelihoodExceptionCode.LIVELIHOOD_BALLOT_NOT_OPEN_CONFLICT, `The vote is ${String(persisted.value)}; ballots are taken only while a round is open`);
      }
      const round = { voteId, round: ballot.round };
      if (!(await this.ballots.isEntitled(manager, round, user.userId))) {
        throw new LivelihoodException(LivelihoodExceptionCode.LIVELIHOOD_VOTER_FORBIDDEN, `You are not among the deputies entitled to vote in round ${ballot.round}`);
      }
      const problem = checkApprovals(dto.candidateIds, ballot);
      if (problem) throw invalidInput([problem]);
      const written = await this.ballots.castBallot(manager, user, {
        ...round, voterId: user.userId, candidateIds: ballot.candidateIds, approvedIds: dto.candidateIds.map((id) => id.toLowerCase()),
      });
      if (!written.receipted) {
        throw new LivelihoodException(LivelihoodExceptionCode.LIVELIHOOD_BALLOT_ALREADY_CAST_CONFLICT, `You already returned your ballot in round ${ballot.round}; nothing was recorded`);
      }
      if (written.counted !== ballot.candidateIds.length) throw new Error(`Counted ${written.counted} of ${ballot.candidateIds.length} candidates in round ${ballot.round}: a tally shard is missing`);
      return { round: ballot.round, ballotReturned: true as const };
    });
  }
}
