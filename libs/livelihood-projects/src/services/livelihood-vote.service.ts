import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LivelihoodContext } from '@app/workflows/livelihood-vote';
import { AuthUser, DirectoryRepository, JurisdictionProfileService } from '@app/accounts';
import { endOfLocalDay } from '@app/deadlines';
import { Clock, invalidInput, validateEventBody } from '@app/persistence';
import { AppliedEvent, EventRequest, requestHash, WorkflowEngine, WorkflowInstanceRepository } from '@app/workflow-engine';
import { CandidateSource, LIVELIHOOD_VOTE_WORKFLOW } from '../constants/livelihood.constant';
import { LIVELIHOOD_EVENT_DTOS, SetMilestonesDto } from '../dtos/livelihood-event.dto';
import { AddCandidateDto, CreateLivelihoodVoteDto } from '../dtos/livelihood-vote.dto';
import { LivelihoodVoteEntity } from '../entities/livelihood-vote.entity';
import { LivelihoodException, LivelihoodExceptionCode } from '../exceptions/livelihood.exception';
import { LivelihoodBallotRepository } from '../repositories/livelihood-ballot.repository';
import { LivelihoodRepository } from '../repositories/livelihood.repository';
import { progressView, resultView } from '../utils/livelihood-view.util';

type Tx = { manager: EntityManager; apply: (request: EventRequest) => Promise<AppliedEvent> };

export interface NewCandidate {
  title: string;
  description: string;
  unitId: string | null;
  source: CandidateSource;
  proposalId: string | null;
}

/**
 * A year's livelihood-project vote from the collection of candidates to the year-end: every change is an event of the
 * livelihood-vote workflow, applied by the engine with its audit entry in the same transaction as the domain's rows.
 */
@Injectable()
export class LivelihoodVoteService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly instances: WorkflowInstanceRepository,
    private readonly votes: LivelihoodRepository,
    private readonly ballots: LivelihoodBallotRepository,
    private readonly directory: DirectoryRepository,
    private readonly profiles: JurisdictionProfileService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, dto: CreateLivelihoodVoteDto) {
    const taken = (await this.votes.votesOfYear(user, dto.year))[0];
    if (taken) throw new LivelihoodException(LivelihoodExceptionCode.LIVELIHOOD_VOTE_CONFLICT, `The ${dto.year} vote exists already: ${taken.id}`, { voteId: taken.id });
    const { livelihood } = await this.profiles.getProfile(user.jurisdictionId);
    const id = randomUUID();
    await this.engine.createAndSchedule(
      {
        workflow: LIVELIHOOD_VOTE_WORKFLOW, jurisdictionId: user.jurisdictionId, instanceId: id, actor: user,
        input: { year: dto.year, places: dto.places, rules: { approvalShare: livelihood.approvalShareOfAllDeputies } },
      },
      (manager) =>
        this.votes.insertVote(manager, {
          id, jurisdictionId: user.jurisdictionId, year: dto.year, title: dto.title, sessionName: dto.sessionName, places: dto.places,
          state: 'collecting', electorate: null, createdBy: user.userId, createdAt: this.clock.now(), concludedAt: null,
        }),
    );
    return this.get(user, id);
  }

  async list(user: AuthUser) {
    return (await this.votes.listVotes(user)).map(withoutTenant);
  }

  /** The vote with its candidates, closed rounds, projects and the events the caller may send; no count of an open round. */
  async get(user: AuthUser, id: string) {
    const vote = await this.getVoteOrFail(user, id);
    const { snapshot } = await this.engine.getSnapshotOrFail(this.dataSource.manager, { workflow: LIVELIHOOD_VOTE_WORKFLOW, jurisdictionId: user.jurisdictionId }, id);
    const context = snapshot.context as LivelihoodContext;
    const [candidates, reports, units] = await Promise.all([this.votes.candidates(user, [id]), this.votes.progressReports(user, [id]), this.unitNames(user)]);
    const ballot = context.ballot
      ? { ...context.ballot, ...(await this.ballots.turnout(user, { voteId: id, round: context.ballot.round }, user.userId)) }
      : null;
    return {
      ...withoutTenant(vote),
      candidates: candidates.map(({ jurisdictionId: _j, ...c }) => ({ ...c, unit: units(c.unitId) })),
      ballot,
      result: resultView(context, candidates),
      projects: progressView(context, candidates, reports, units),
      committeeReports: context.committeeReports,
      progressOverdue: context.progressOverdue,
      returnReason: context.returnReason,
      openDeadlines: Object.entries(context.deadlines).map(([key, d]) => ({ key, ...d })),
      allowedEvents: this.engine.allowedEvents(LIVELIHOOD_VOTE_WORKFLOW, snapshot, user),
    };
  }

  async addCandidate(user: AuthUser, id: string, dto: AddCandidateDto) {
    await this.getVoteOrFail(user, id);
    await this.checkUnit(user, dto.unitId);
    await this.engine.inTransaction((tx) =>
      this.addCandidateWithin(tx, user, id, { title: dto.title, description: dto.description, unitId: dto.unitId ?? null, source: CandidateSource.GOVERNMENT, proposalId: null }),
    );
    return this.get(user, id);
  }

  /** Writes the candidate's row and sends ADD_CANDIDATE in the caller's transaction; returns the candidate's id. */
  async addCandidateWithin(tx: Tx, user: AuthUser, voteId: string, candidate: NewCandidate): Promise<string> {
    const candidateId = randomUUID();
    await this.votes.insertCandidate(tx.manager, { id: candidateId, jurisdictionId: user.jurisdictionId, voteId, ...candidate, withdrawn: false, withdrawReason: null, outcome: null, progress: 0, addedBy: user.userId, addedAt: this.clock.now() });
    await tx.apply({
      workflow: LIVELIHOOD_VOTE_WORKFLOW, jurisdictionId: user.jurisdictionId, instanceId: voteId, actor: user,
      event: { type: 'ADD_CANDIDATE', candidateId, unitId: candidate.unitId, title: candidate.title, source: candidate.source, proposalId: candidate.proposalId },
    });
    return candidateId;
  }

  async sendEvent(user: AuthUser, id: string, body: Record<string, unknown>, idempotencyKey?: string) {
    await this.getVoteOrFail(user, id);
    const event = validateEventBody(LIVELIHOOD_EVENT_DTOS, body);
    if (event.type === 'CLOSE') {
      await this.close(user, id);
      return this.get(user, id);
    }
    const machineEvent = await this.toMachineEvent(user, event);
    await this.engine.apply(
      { workflow: LIVELIHOOD_VOTE_WORKFLOW, jurisdictionId: user.jurisdictionId, instanceId: id, actor: user, event: machineEvent },
      idempotencyKey ? { userId: user.userId, key: idempotencyKey, requestHash: requestHash({ id, event: machineEvent }) } : undefined,
    );
    return this.get(user, id);
  }

  async getVoteOrFail(user: AuthUser, id: string): Promise<LivelihoodVoteEntity> {
    const vote = await this.votes.findVote(user, id);
    if (!vote) throw new LivelihoodException(LivelihoodExceptionCode.LIVELIHOOD_VOTE_NOT_FOUND, `Livelihood vote ${id} not found`);
    return vote;
  }

  /** A unit named for a project must be an active unit of the jurisdiction: a 400 otherwise. */
  async checkUnit(user: AuthUser, unitId: string | undefined): Promise<void> {
    if (!unitId) return;
    const [unit] = await this.directory.findUnits(user, [unitId]);
    if (!unit?.active) throw invalidInput([{ field: 'unitId', reason: 'no active unit of this jurisdiction' }]);
  }

  async unitNames(user: AuthUser): Promise<(id: string | null) => string | null> {
    const units = await this.directory.listUnits(user);
    return (id) => units.find((u) => u.id === id)?.name ?? null;
  }

  /**
   * CLOSE: with the vote's instance locked (ballots in flight finish first; later ones find the round closed), the
   * round's counters are taken and deleted and the counts go to the machine in the same transaction. If the machine
   * refuses, everything rolls back and the counters stay.
   */
  private async close(user: AuthUser, id: string): Promise<void> {
    await this.engine.inTransaction(async ({ manager, apply }) => {
      const scope = { jurisdictionId: user.jurisdictionId, workflow: LIVELIHOOD_VOTE_WORKFLOW };
      const ballot = ((await this.instances.lockSnapshot(manager, scope, id, 'UPDATE'))?.context as LivelihoodContext | undefined)?.ballot;
      const counted = ballot ? await this.ballots.takeTallies(manager, { voteId: id, round: ballot.round }) : { tallies: [], ballotsReturned: 0 };
      const order = ballot?.candidateIds ?? [];
      const tallies = [...counted.tallies].sort((a, b) => order.indexOf(a.candidateId) - order.indexOf(b.candidateId));
      await apply({ workflow: LIVELIHOOD_VOTE_WORKFLOW, jurisdictionId: user.jurisdictionId, instanceId: id, actor: user, event: { type: 'CLOSE', tallies, ballotsReturned: counted.ballotsReturned } });
    });
  }

  /** The server supplies what the client may not: the deputies entitled at opening, milestone ids and due instants. */
  private async toMachineEvent(user: AuthUser, event: { type: string; [field: string]: unknown }) {
    if (event.type === 'OPEN' || event.type === 'OPEN_RUNOFF') {
      const { voterUserIds, electorate } = await this.ballots.deputiesAtOpening(this.dataSource.manager, user);
      return { type: event.type, voters: voterUserIds, electorate };
    }
    if (event.type === 'SET_MILESTONES') {
      const { timezone } = await this.profiles.getProfile(user.jurisdictionId);
      const { projectId, milestones } = event as unknown as SetMilestonesDto;
      return {
        type: event.type,
        projectId,
        milestones: milestones.map((m) => ({ id: randomUUID(), title: m.title, dueAt: endOfLocalDay(m.dueDate, timezone).toISOString() })),
      };
    }
    return event;
  }
}

function withoutTenant<T extends { jurisdictionId?: string }>({ jurisdictionId: _omit, ...rest }: T): Omit<T, 'jurisdictionId'> {
  return rest;
}
