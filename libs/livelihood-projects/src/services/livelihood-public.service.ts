import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LivelihoodContext } from '@app/workflows/livelihood-vote';
import { AsOfService, AuthUser, DirectoryRepository } from '@app/accounts';
import { announcementLabel, countsWithShares, VoteRepository } from '@app/meetings';
import { WorkflowEngine } from '@app/workflow-engine';
import { LIVELIHOOD_VOTE_WORKFLOW, PUBLIC_VOTE_STATES } from '../constants/livelihood.constant';
import { LIVELIHOOD_PROJECT_SUBJECT } from '../constants/livelihood-subject.constant';
import { LivelihoodYearQueryDto } from '../dtos/livelihood-vote.dto';
import { LivelihoodVoteEntity } from '../entities/livelihood-vote.entity';
import { LivelihoodException, LivelihoodExceptionCode } from '../exceptions/livelihood.exception';
import { LivelihoodRepository } from '../repositories/livelihood.repository';
import { livelihoodFigures, votesAsOf } from '../utils/livelihood-figures.util';
import { progressView, resultView } from '../utils/livelihood-view.util';

type Scope = { jurisdictionId: string };

/**
 * What the public site shows of each year's vote once the standing committee approved the candidate list: the
 * candidates, the result of every closed round, and the chosen projects' progress with their published satisfaction
 * scores; and the year's figures for the office and the standing committee.
 */
@Injectable()
export class LivelihoodPublicService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly votes: LivelihoodRepository,
    private readonly satisfaction: VoteRepository,
    private readonly directory: DirectoryRepository,
    private readonly calendar: AsOfService,
  ) {}

  async votesOf(code: string) {
    const scope = await this.scopeOf(code);
    return (await this.votes.listVotes(scope, PUBLIC_VOTE_STATES)).map(summary);
  }

  async candidates(code: string, id: string) {
    const { scope, vote } = await this.publicVoteOrFail(code, id);
    const [candidates, units] = await Promise.all([this.votes.candidates(scope, [id]), this.directory.listUnits(scope)]);
    return {
      ...summary(vote),
      candidates: candidates.filter((c) => !c.withdrawn).map((c) => ({
        id: c.id, position: c.position, title: c.title, description: c.description, unit: units.find((u) => u.id === c.unitId)?.name ?? null, source: c.source,
      })),
    };
  }

  /** Counts per candidate of every closed round, the projects chosen, and a tie at the last place awaiting its run-off. */
  async result(code: string, id: string) {
    const { scope, vote, context } = await this.publicVoteOrFail(code, id);
    const candidates = await this.votes.candidates(scope, [id]);
    const { outcomes: _outcomes, ...result } = resultView(context, candidates);
    return { ...summary(vote), votingOpen: context.ballot !== null, ...result };
  }

  async progress(code: string, id: string) {
    const { scope, vote, context } = await this.publicVoteOrFail(code, id);
    const [candidates, reports, committee, units] = await Promise.all([
      this.votes.candidates(scope, [id]), this.votes.progressReports(scope, [id]), this.votes.committeeReports(scope, [id]), this.directory.listUnits(scope),
    ]);
    const scores = await this.satisfaction.subjectResults(scope, LIVELIHOOD_PROJECT_SUBJECT, context.projects.map((p) => p.id));
    const published = scores.filter((s) => s.state === 'published');
    const projects = progressView(context, candidates, reports, (unitId) => units.find((u) => u.id === unitId)?.name ?? null).map(({ score: _score, ...project }) => {
      const score = published.filter((s) => s.subjectId === project.projectId).at(-1);
      return {
        ...project,
        satisfaction: score
          ? { meetingName: score.meetingName, meetingDate: score.meetingDate, announcement: announcementLabel(score), passed: score.passed, ...countsWithShares(score) }
          : null,
      };
    });
    return { ...summary(vote), committeeReports: committee.map((r) => ({ reportedAt: r.reportedAt, onTime: r.onTime })), projects };
  }

  /** The year's figures: projects chosen, progress reports on time, milestones, projects completed, satisfaction. */
  async figures(user: AuthUser, query: LivelihoodYearQueryDto) {
    return this.figuresAsOf(user, query.year, await this.calendar.asOf(user.jurisdictionId, query.asOf));
  }

  /** The year's figures as they stood at `asOf`: the present contexts, with what happened later taken back off. */
  async figuresAsOf(user: AuthUser, year: number, asOf: Date) {
    const votes = await this.votes.votesOfYearAsOf(user, year, asOf);
    const ids = votes.map((v) => v.id);
    const [contexts, trail, progressReports, committeeReports] = await Promise.all([
      Promise.all(ids.map((id) => this.contextOf(user, id))), this.votes.trail(user, ids), this.votes.progressReports(user, ids), this.votes.committeeReports(user, ids),
    ]);
    const satisfaction = await this.satisfaction.subjectResults(user, LIVELIHOOD_PROJECT_SUBJECT, contexts.flatMap((c) => c.projects.map((p) => p.id)));
    const facts = { votes: votes.map((v, i) => ({ id: v.id, context: contexts[i] })), trail, progressReports, committeeReports, satisfaction };
    return { year, asOf: asOf.toISOString(), votes: votesAsOf(votes, trail, asOf).map(summary), ...livelihoodFigures(facts, asOf) };
  }

  private async contextOf(scope: Scope, id: string): Promise<LivelihoodContext> {
    const { snapshot } = await this.engine.getSnapshotOrFail(this.dataSource.manager, { workflow: LIVELIHOOD_VOTE_WORKFLOW, ...scope }, id);
    return snapshot.context as LivelihoodContext;
  }

  private async scopeOf(code: string): Promise<Scope> {
    const jurisdiction = await this.directory.findJurisdictionByCode(code);
    if (!jurisdiction) throw new LivelihoodException(LivelihoodExceptionCode.LIVELIHOOD_JURISDICTION_NOT_FOUND, `No jurisdiction ${code}`);
    return { jurisdictionId: jurisdiction.id };
  }

  /** A vote the public may see (its list approved, not cancelled); any other is a 404, as if it did not exist. */
  private async publicVoteOrFail(code: string, id: string): Promise<{ scope: Scope; vote: LivelihoodVoteEntity; context: LivelihoodContext }> {
    const scope = await this.scopeOf(code);
    const vote = await this.votes.findVote(scope, id);
    if (!vote || !(PUBLIC_VOTE_STATES as readonly string[]).includes(vote.state)) {
      throw new LivelihoodException(LivelihoodExceptionCode.LIVELIHOOD_VOTE_NOT_FOUND, `Livelihood vote ${id} not found`);
    }
    return { scope, vote, context: await this.contextOf(scope, id) };
  }
}

function summary(vote: LivelihoodVoteEntity) {
  return { id: vote.id, year: vote.year, title: vote.title, sessionName: vote.sessionName, places: vote.places, state: vote.state, electorate: vote.electorate };
}
