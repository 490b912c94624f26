import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@app/accounts';
import { CastBallotDto, CreateVoteSessionDto, VoteSessionEventBodyDto } from '../dtos/vote-session.dto';
import { BallotService } from '../services/ballot.service';
import { VoteSessionService } from '../services/vote-session.service';

const uuid = new ParseUUIDPipe();
const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', required: false, description: 'A repeat with the same key returns the first answer' };

@ApiTags('vote sessions')
@ApiBearerAuth()
@Controller('vote-sessions')
export class VoteSessionController {
  constructor(
    private readonly sessions: VoteSessionService,
    private readonly ballots: BallotService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Prepare a satisfaction vote on heard key suggestions (office)' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateVoteSessionDto) {
    return this.sessions.create(user, body);
  }

  @Get()
  @ApiOperation({ summary: 'Vote sessions, newest first' })
  list(@CurrentUser() user: AuthUser) {
    return this.sessions.list(user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A session: items, ballots issued; counts per option only once it closed' })
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.sessions.get(user, id);
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiBody({ type: VoteSessionEventBodyDto })
  @ApiOperation({ summary: 'OPEN {memberIds, deputyUserIds} · CLOSE · PUBLISH · CANCEL {reason} (office, chair; PUBLISH office)' })
  sendEvent(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: Record<string, unknown>, @Headers('idempotency-key') key?: string) {
    return this.sessions.sendEvent(user, id, body, key);
  }

  @Post(':id/ballots')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cast a ballot on one or all items, once per item (entitled voters)' })
  cast(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: CastBallotDto) {
    return this.ballots.cast(user, id, body);
  }

  @Sse(':id/live')
  @ApiOperation({ summary: 'Server-sent live count of ballots returned while open, never choices (chair, office)' })
  live(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.ballots.liveCount(user, id);
  }
}
