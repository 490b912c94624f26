import { Injectable } from '@nestjs/common';
import { exhaustMap, distinctUntilChanged, filter, from, map, Observable, takeWhile, timer } from 'rxjs';
import { hasRole, Role } from '@app/workflows/common/actor';
import { AuthUser } from '@app/accounts';
import { invalidInput } from '@app/persistence';
import { LIVE_COUNT_INTERVAL_MS } from '../constants/meetings.constant';
import { CastBallotDto } from '../dtos/vote-session.dto';
import { MeetingsException, MeetingsExceptionCode } from '../exceptions/meetings.exception';
import { CastBallotRow, LiveCount, VoteRepository } from '../repositories/vote.repository';
import { VoteSessionService } from './vote-session.service';

export interface LiveCountMessage {
  data: LiveCount;
}

/**
 * Casting ballots and the chair's live count. A ballot writes a receipt (who) and adds to counter shards (what) in
 * one transaction, and nothing else: no audit entry, no log line, no id or time that could pair the two.
 */
@Injectable()
export class BallotService {
  constructor(
    private readonly votes: VoteRepository,
    private readonly sessions: VoteSessionService,
  ) {}

  /**
   * One ballot paper: one or every item of the session, each voter once per item; all of it counts or none. One
   * statement checks and writes it (see VoteRepository.castBallot), so no lock waits on a round trip.
   */
  async cast(user: AuthUser, sessionId: string, dto: CastBallotDto): Promise<{ itemsReturned: number; myVotedItemIds: string[] }> {
    const choices = dto.choices.map((c) => ({ itemId: c.itemId.toLowerCase(), choice: c.choice }));
    const itemIds = choices.map((c) => c.itemId);
    const repeated = itemIds.findIndex((id, index) => itemIds.indexOf(id) !== index);
    if (repeated >= 0) throw invalidInput([{ field: `choices[${repeated}].itemId`, reason: 'an item appears twice on the ballot' }]);
    const cast = await this.votes.castBallot(user, { sessionId, voterId: user.userId, choices });
    if (cast === 'ALREADY_CAST') {
      const voted = await this.votes.itemsVotedBy(user, sessionId, user.userId);
      throw alreadyVoted(itemIds.filter((id) => voted.includes(id)));
    }
    assertBallotCounted(cast, sessionId, itemIds);
    return { itemsReturned: itemIds.length, myVotedItemIds: [...cast.votedItemIds, ...itemIds] };
  }

  /**
   * Server-sent counts of ballots returned, re-read from PostgreSQL (so any api instance can serve the stream)
   * and sent when they change; the stream ends with the final count once the session leaves `open`.
   */
  async liveCount(user: AuthUser, sessionId: string): Promise<Observable<LiveCountMessage>> {
    const session = await this.sessions.getVisibleOrFail(user, sessionId);
    const isChair = hasRole(user, Role.SC_LEADER) && session.chairUserId === user.userId;
    if (!hasRole(user, Role.OFFICE) && !isChair) {
      throw new MeetingsException(MeetingsExceptionCode.MEETINGS_FORBIDDEN, 'Only the chair and the office watch the live count');
    }
    return timer(0, LIVE_COUNT_INTERVAL_MS).pipe(
      exhaustMap(() => from(this.votes.liveCount(user, sessionId))),
      filter((count): count is LiveCount => count !== null),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      takeWhile((count) => count.state === 'created' || count.state === 'open', true),
      map((data) => ({ data })),
    );
  }
}

/** Refuses a ballot the session did not take from this voter (nothing was written then), in the order of the checks. */
function assertBallotCounted(cast: CastBallotRow | null, sessionId: string, itemIds: string[]): asserts cast is CastBallotRow {
  if (cast === null) throw new MeetingsException(MeetingsExceptionCode.VOTE_SESSION_NOT_FOUND, `Vote session ${sessionId} not found`);
  if (cast.state !== 'open') {
    throw new MeetingsException(MeetingsExceptionCode.VOTE_SESSION_NOT_OPEN_CONFLICT, `The vote session is ${cast.state}; ballots are taken only while it is open`);
  }
  if (!cast.entitled) throw new MeetingsException(MeetingsExceptionCode.VOTER_FORBIDDEN, 'You are not among the entitled voters of this session');
  const unknown = itemIds.findIndex((id) => cast.unknownItemIds.includes(id));
  if (unknown >= 0) throw invalidInput([{ field: `choices[${unknown}].itemId`, reason: 'not an item of this vote session' }]);
  const already = itemIds.filter((id) => cast.votedItemIds.includes(id));
  if (already.length > 0) throw alreadyVoted(already);
}

function alreadyVoted(already: string[]): MeetingsException {
  return new MeetingsException(MeetingsExceptionCode.BALLOT_ALREADY_CAST_CONFLICT, `You already voted on: ${already.join(', ')}; nothing was recorded`, { already });
}
