import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { exhaustMap, distinctUntilChanged, filter, from, map, Observable, takeWhile, timer } from 'rxjs';
import { hasRole, Role } from '@app/workflows/common/actor';
import { AuthUser } from '@app/accounts';
import { invalidInput } from '@app/persistence';
import { LIVE_COUNT_INTERVAL_MS } from '../constants/meetings.constant';
import { CastBallotDto } from '../dtos/vote-session.dto';
import { MeetingsException, MeetingsExceptionCode } from '../exceptions/meetings.exception';
import { LiveCount, VoteRepository } from '../repositories/vote.repository';
import { VoteSessionService } from './vote-session.service';

export interface LiveCountMessage {
  data: LiveCount;
}

/**
 * Casting ballots and the chair's live count. A ballot writes a receipt (who) and bumps counters (what) in
 * one transaction, and nothing else: no audit entry, no log line, no id or time that could pair the two.
 */
@Injectable()
export class BallotService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly votes: VoteRepository,
    private readonly sessions: VoteSessionService,
  ) {}

  /** One ballot paper: one or every item of the session, each voter once per item; all of it counts or none. */
  async cast(user: AuthUser, sessionId: string, dto: CastBallotDto): Promise<{ itemsReturned: number; myVotedItemIds: string[] }> {
    const itemIds = dto.choices.map((c) => c.itemId);
    const repeated = itemIds.findIndex((id, index) => itemIds.indexOf(id) !== index);
    if (repeated >= 0) throw invalidInput([{ field: `choices[${repeated}].itemId`, reason: 'an item appears twice on the ballot' }]);
    await this.dataSource.transaction(async (manager) => {
      const state = await this.votes.lockStateForBallot(manager, user, sessionId);
      if (state === null) throw new MeetingsException(MeetingsExceptionCode.VOTE_SESSION_NOT_FOUND, `Vote session ${sessionId} not found`);
      if (state !== 'open') {
        throw new MeetingsException(MeetingsExceptionCode.VOTE_SESSION_NOT_OPEN_CONFLICT, `The vote session is ${state}; ballots are taken only while it is open`);
      }
      if (!(await this.votes.isEntitled(manager, sessionId, user.userId))) {
        throw new MeetingsException(MeetingsExceptionCode.VOTER_FORBIDDEN, 'You are not among the entitled voters of this session');
      }
      const known = new Set(await this.votes.itemIdsOf(manager, sessionId));
      const unknown = itemIds.findIndex((id) => !known.has(id));
      if (unknown >= 0) throw invalidInput([{ field: `choices[${unknown}].itemId`, reason: 'not an item of this vote session' }]);
      const already = await this.votes.insertReceipts(manager, user, sessionId, user.userId, itemIds);
      if (already.length > 0) {
        throw new MeetingsException(MeetingsExceptionCode.BALLOT_ALREADY_CAST_CONFLICT, `You already voted on: ${already.join(', ')}; nothing was recorded`, { already });
      }
      // Item-id order: two ballots touching the same counters lock them alike and never deadlock.
      for (const choice of [...dto.choices].sort((a, b) => a.itemId.localeCompare(b.itemId))) {
        await this.votes.addToTally(manager, choice.itemId, choice.choice);
      }
    });
    return { itemsReturned: itemIds.length, myVotedItemIds: await this.votes.itemsVotedBy(user, sessionId, user.userId) };
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
