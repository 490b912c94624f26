import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser, DirectoryRepository } from '@app/accounts';
import { Clock } from '@app/persistence';
import { WorkflowEngine } from '@app/workflow-engine';
import { CandidateSource, ProposalStatus, PUBLIC_PROPOSAL_LIMITS } from '../constants/livelihood.constant';
import { AdoptProposalDto, ProposalListQueryDto } from '../dtos/livelihood-vote.dto';
import { PublicProposalDto } from '../dtos/public-proposal.dto';
import { LivelihoodProposalEntity } from '../entities/livelihood-proposal.entity';
import { LivelihoodException, LivelihoodExceptionCode } from '../exceptions/livelihood.exception';
import { LivelihoodProposalRepository } from '../repositories/livelihood-proposal.repository';
import { LivelihoodVoteService } from './livelihood-vote.service';

/** Projects proposed by the public (征集), and their adoption into a year's candidate list by the government office. */
@Injectable()
export class LivelihoodProposalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly proposals: LivelihoodProposalRepository,
    private readonly votes: LivelihoodVoteService,
    private readonly directory: DirectoryRepository,
    private readonly clock: Clock,
  ) {}

  /** An anonymous submission, limited per client and per jurisdiction (429 with the wait once a limit is reached). */
  async submit(jurisdictionCode: string, clientAddress: string, dto: PublicProposalDto) {
    const jurisdiction = await this.directory.findJurisdictionByCode(jurisdictionCode);
    if (!jurisdiction) throw new LivelihoodException(LivelihoodExceptionCode.LIVELIHOOD_JURISDICTION_NOT_FOUND, `No jurisdiction ${jurisdictionCode}`);
    const scope = { jurisdictionId: jurisdiction.id };
    const now = this.clock.now();
    const clientKey = createHash('sha256').update(`${jurisdiction.id}|${clientAddress}`).digest('hex');
    const limits = PUBLIC_PROPOSAL_LIMITS;
    const id = await this.dataSource.transaction(async (manager) => {
      const counts = await this.proposals.lockAndCount(manager, scope, {
        clientKey,
        clientSince: new Date(now.getTime() - limits.perClientWindowMs),
        jurisdictionSince: new Date(now.getTime() - limits.perJurisdictionWindowMs),
      });
      if (counts.client >= limits.perClient) throw throttled(`at most ${limits.perClient} proposals an hour from one address`, limits.perClientWindowMs);
      if (counts.jurisdiction >= limits.perJurisdiction) throw throttled(`at most ${limits.perJurisdiction} proposals a day are taken`, limits.perJurisdictionWindowMs);
      return this.proposals.insert(manager, {
        jurisdictionId: jurisdiction.id, title: dto.title.trim(), description: dto.description.trim(), location: dto.location?.trim() || null,
        proposerName: dto.proposerName?.trim() || null, proposerContact: dto.contact?.trim() || null, clientKey, submittedAt: now,
        status: ProposalStatus.PENDING, voteId: null, candidateId: null, adoptedBy: null, adoptedAt: null,
      });
    });
    return { id, status: ProposalStatus.PENDING, submittedAt: now.toISOString() };
  }

  /** Every proposal with the proposer's contact, for the government office and the congress office. */
  async list(user: AuthUser, query: ProposalListQueryDto) {
    return (await this.proposals.list(user, query.status)).map(view);
  }

  /** Takes a pending proposal into a vote's candidate list: the candidate, ADD_CANDIDATE and the proposal's status in one transaction. */
  async adopt(user: AuthUser, proposalId: string, dto: AdoptProposalDto) {
    await this.votes.getVoteOrFail(user, dto.voteId);
    await this.votes.checkUnit(user, dto.unitId);
    const candidateId = await this.engine.inTransaction(async (tx) => {
      const proposal = await this.proposals.lockForAdoption(tx.manager, user, proposalId);
      if (!proposal) throw new LivelihoodException(LivelihoodExceptionCode.LIVELIHOOD_PROPOSAL_NOT_FOUND, `Proposal ${proposalId} not found`);
      if (proposal.status !== ProposalStatus.PENDING) {
        throw new LivelihoodException(LivelihoodExceptionCode.LIVELIHOOD_PROPOSAL_CONFLICT, `The proposal was adopted already, as candidate ${proposal.candidateId}`, {
          voteId: proposal.voteId, candidateId: proposal.candidateId,
        });
      }
      const description = dto.description ?? (proposal.location ? `${proposal.description}（地点：${proposal.location}）` : proposal.description);
      const id = await this.votes.addCandidateWithin(tx, user, dto.voteId, {
        title: dto.title ?? proposal.title, description, unitId: dto.unitId ?? null, source: CandidateSource.PUBLIC, proposalId,
      });
      await this.proposals.markAdopted(tx.manager, proposalId, { voteId: dto.voteId, candidateId: id, adoptedBy: user.userId, adoptedAt: this.clock.now() });
      return id;
    });
    return { proposalId, voteId: dto.voteId, candidateId, status: ProposalStatus.ADOPTED };
  }
}

function throttled(limit: string, windowMs: number): LivelihoodException {
  return new LivelihoodException(LivelihoodExceptionCode.LIVELIHOOD_PROPOSAL_THROTTLED, `Too many proposals: ${limit}; try again later`, {
    retryAfterSeconds: Math.ceil(windowMs / 1000),
  });
}

function view({ jurisdictionId: _j, clientKey: _c, ...proposal }: LivelihoodProposalEntity) {
  return proposal;
}
