import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, Capability, CurrentUser, RequireCapability } from '@app/accounts';
import { UuidParamDto } from '@app/persistence';
import { IdempotencyKey } from '@app/workflow-engine';
import { AddCandidateDto, ApprovalBallotDto, CreateLivelihoodVoteDto, LivelihoodEventBodyDto, LivelihoodYearQueryDto } from '../dtos/livelihood-vote.dto';
import { LivelihoodBallotService } from '../services/livelihood-ballot.service';
import { LivelihoodPublicService } from '../services/livelihood-public.service';
import { LivelihoodVoteService } from '../services/livelihood-vote.service';

const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', required: false, description: 'A repeat with the same key returns the first answer' };

@ApiTags('livelihood projects')
@ApiBearerAuth()
@Controller('livelihood-votes')
export class LivelihoodVoteController {
  constructor(
    private readonly votes: LivelihoodVoteService,
    private readonly ballots: LivelihoodBallotService,
    private readonly figuresService: LivelihoodPublicService,
  ) {}

  @Post()
  @RequireCapability(Capability.MANAGE_LIVELIHOOD_CANDIDATES)
  @ApiOperation({ summary: "Start a year's livelihood-project vote (民生实事项目代表票决), empty: candidates are collected into it" })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateLivelihoodVoteDto) {
    return this.votes.create(user, body);
  }

  @Get()
  @ApiOperation({ summary: 'Every livelihood-project vote of the jurisdiction, newest year first' })
  list(@CurrentUser() user: AuthUser) {
    return this.votes.list(user);
  }

  @Get('figures')
  @RequireCapability(Capability.READ_LIVELIHOOD_FIGURES)
  @ApiOperation({ summary: "The year's figures: projects chosen, progress reports on time, milestones, completed, satisfaction" })
  figures(@CurrentUser() user: AuthUser, @Query() query: LivelihoodYearQueryDto) {
    return this.figuresService.figures(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A vote: candidates, closed rounds, turnout of the open one (never its counts), projects, allowed events' })
  get(@CurrentUser() user: AuthUser, @Param() { id }: UuidParamDto) {
    return this.votes.get(user, id);
  }

  @Post(':id/candidates')
  @RequireCapability(Capability.MANAGE_LIVELIHOOD_CANDIDATES)
  @ApiOperation({ summary: 'Add a candidate project collected by the government (ADD_CANDIDATE)' })
  addCandidate(@CurrentUser() user: AuthUser, @Param() { id }: UuidParamDto, @Body() body: AddCandidateDto) {
    return this.votes.addCandidate(user, id, body);
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiBody({ type: LivelihoodEventBodyDto })
  @ApiOperation({
    summary: 'WITHDRAW_CANDIDATE, SUBMIT_LIST, RETURN_LIST / APPROVE_LIST (standing committee review), OPEN, CLOSE, OPEN_RUNOFF, SET_MILESTONES, REPORT_PROGRESS, REPORT_TO_COMMITTEE, CONCLUDE, CANCEL',
  })
  sendEvent(@CurrentUser() user: AuthUser, @Param() { id }: UuidParamDto, @Body() body: Record<string, unknown>, @IdempotencyKey() key?: string) {
    return this.votes.sendEvent(user, id, body, key);
  }

  @Post(':id/ballots')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cast a secret ballot in the open round: approve at most K candidates, once (entitled deputies)' })
  cast(@CurrentUser() user: AuthUser, @Param() { id }: UuidParamDto, @Body() body: ApprovalBallotDto) {
    return this.ballots.cast(user, id, body);
  }
}
