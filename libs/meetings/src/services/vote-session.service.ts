import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hasRole, Role } from '@app/workflows/common/actor';
import { percentOf, type EntitledVoter, type VoteSessionEventType } from '@app/workflows/vote-session';
import { AuthUser, DirectoryRepository, JurisdictionProfileService } from '@app/accounts';
import { Clock, invalidInput, validateInput } from '@app/persistence';
import { requestHash, WorkflowEngine } from '@app/workflow-engine';
import { VOTE_SESSION_WORKFLOW } from '../constants/meetings.constant';
import { CancelVoteSessionDto, CreateVoteSessionDto, EmptyEventDto, OpenVoteSessionDto } from '../dtos/vote-session.dto';
import { VoteSessionEntity } from '../entities/vote-session.entity';
import { MeetingsException, MeetingsExceptionCode } from '../exceptions/meetings.exception';
import { KeyItemRepository } from '../repositories/key-item.repository';
import { VoteItemRow, VoteRepository } from '../repositories/vote.repository';
import { MEETING_ROLES, requireRole } from '../utils/meetings-access.util';

const EVENT_DTOS: Record<VoteSessionEventType, new () => object> = {
  OPEN: OpenVoteSessionDto,
  CLOSE: EmptyEventDto,
  PUBLISH: EmptyEventDto,
  CANCEL: CancelVoteSessionDto,
};

/** Preparing, opening, closing and publishing satisfaction votes; every change goes through the workflow engine. */
@Injectable()
export class VoteSessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly votes: VoteRepository,
    private readonly keyItems: KeyItemRepository,
    private readonly directory: DirectoryRepository,
    private readonly profiles: JurisdictionProfileService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, dto: CreateVoteSessionDto) {
    requireRole(user, MEETING_ROLES.prepare, 'prepare vote sessions');
    await this.checkItems(user, dto.suggestionIds);
    if (dto.chairUserId) {
      const [chair] = await this.directory.findLeaderUsers(user, [dto.chairUserId]);
      if (!chair?.roles.includes(Role.SC_LEADER)) throw invalidInput([{ field: 'chairUserId', reason: 'must be a standing-committee leader' }]);
    }
    const { vote } = await this.profiles.getProfile(user.jurisdictionId);
    const id = randomUUID();
    await this.engine.createAndSchedule(
      {
        workflow: VOTE_SESSION_WORKFLOW, jurisdictionId: user.jurisdictionId, instanceId: id, actor: user,
        input: { rules: { ...vote }, chairUserId: dto.chairUserId ?? null, itemCount: dto.suggestionIds.length },
      },
      (manager) =>
        this.votes.insertSession(
          manager,
          {
            id, jurisdictionId: user.jurisdictionId, title: dto.title, meetingName: dto.meetingName, meetingDate: dto.meetingDate,
            chairUserId: dto.chairUserId ?? null, state: 'created', announcementYear: null, announcementNumber: null,
            createdBy: user.userId, createdAt: this.clock.now(), openedAt: null, closedAt: null, publishedAt: null,
          },
          dto.suggestionIds,
        ),
    );
    return this.get(user, id);
  }

  async list(user: AuthUser) {
    requireRole(user, MEETING_ROLES.read, 'see vote sessions');
    return (await this.votes.listSessions(user)).map(withoutTenant);
  }

  /** The session; choices per item only once it closed, never while ballots are being cast. */
  async get(user: AuthUser, id: string) {
    const session = await this.getVisibleOrFail(user, id);
    const { snapshot } = await this.engine.getSnapshotOrFail(this.dataSource.manager, { workflow: VOTE_SESSION_WORKFLOW, jurisdictionId: user.jurisdictionId }, id);
    const [items, entitled, myVotedItemIds] = await Promise.all([
      this.votes.items(user, id), this.votes.entitlementCounts(user, id), this.votes.itemsVotedBy(user, id, user.userId),
    ]);
    const resultsKnown = session.state === 'closed' || session.state === 'published';
    return {
      ...withoutTenant(session),
      announcement: session.announcementNumber ? announcementLabel(session) : null,
      entitled,
      allowedEvents: this.engine.allowedEvents(VOTE_SESSION_WORKFLOW, snapshot, user),
      myVotedItemIds,
      items: items.map((item) => (resultsKnown ? withResults(item) : withoutChoices(item))),
    };
  }

  async sendEvent(user: AuthUser, id: string, body: Record<string, unknown>, idempotencyKey?: string) {
    await this.getVisibleOrFail(user, id);
    const event = await this.toMachineEvent(user, id, body);
    await this.engine.apply(
      { workflow: VOTE_SESSION_WORKFLOW, jurisdictionId: user.jurisdictionId, instanceId: id, actor: user, event },
      idempotencyKey ? { userId: user.userId, key: idempotencyKey, requestHash: requestHash({ id, event }) } : undefined,
    );
    return this.get(user, id);
  }

  async getVisibleOrFail(user: AuthUser, id: string): Promise<VoteSessionEntity> {
    const session = await this.votes.findSession(user, id);
    const visible = session && (hasRole(user, ...MEETING_ROLES.read) || (await this.votes.isEntitled(this.dataSource.manager, id, user.userId)));
    if (!session || !visible) throw new MeetingsException(MeetingsExceptionCode.VOTE_SESSION_NOT_FOUND, `Vote session ${id} not found`);
    return session;
  }

  private async toMachineEvent(user: AuthUser, id: string, body: Record<string, unknown>): Promise<{ type: string; [field: string]: unknown }> {
    const type = body?.type;
    if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(EVENT_DTOS, type)) {
      throw invalidInput([{ field: 'type', reason: `must be one of ${Object.keys(EVENT_DTOS).join(', ')}` }]);
    }
    const { type: _type, ...payload } = body;
    const valid = validateInput(EVENT_DTOS[type as VoteSessionEventType], payload);
    if (type === 'OPEN') return { type, voters: await this.entitledVoters(user, valid as OpenVoteSessionDto) };
    if (type === 'CLOSE') await this.checkItemsStillVotable(user, id);
    return { type, ...JSON.parse(JSON.stringify(valid)) };
  }

  /** Members present must be standing-committee members, invited deputies must be deputies: a 400 naming them otherwise. */
  private async entitledVoters(user: AuthUser, dto: OpenVoteSessionDto): Promise<EntitledVoter[]> {
    const users = await this.directory.findLeaderUsers(user, [...dto.memberIds, ...dto.deputyUserIds]);
    const withRole = (ids: string[], role: Role) => ids.filter((uid) => !users.some((u) => u.id === uid && u.roles.includes(role)));
    const notMembers = withRole(dto.memberIds, Role.SC_MEMBER);
    if (notMembers.length > 0) throw invalidInput([{ field: 'memberIds', reason: `not standing-committee members: ${notMembers.join(', ')}` }]);
    const notDeputies = withRole(dto.deputyUserIds, Role.DEPUTY);
    if (notDeputies.length > 0) throw invalidInput([{ field: 'deputyUserIds', reason: `not deputies: ${notDeputies.join(', ')}` }]);
    const both = dto.deputyUserIds.filter((uid) => dto.memberIds.includes(uid));
    if (both.length > 0) throw invalidInput([{ field: 'deputyUserIds', reason: `already listed as members: ${both.join(', ')}` }]);
    return [...dto.memberIds.map((userId) => ({ userId, kind: 'MEMBER' as const })), ...dto.deputyUserIds.map((userId) => ({ userId, kind: 'DEPUTY' as const }))];
  }

  /** Only key suggestions the council has heard can be voted on, and each in one live session at a time. */
  private async checkItems(user: AuthUser, ids: string[]): Promise<void> {
    const facts = await this.keyItems.suggestionFacts(user, ids);
    const problems = ids.flatMap((sid) => {
      const fact = facts.find((f) => f.id === sid);
      if (!fact) return [`${sid}: no such suggestion`];
      if (!fact.isKey) return [`${sid}: not a key suggestion`];
      return fact.keyState === 'heard' ? [] : [`${sid}: must be heard by the council first (key state ${fact.keyState})`];
    });
    if (problems.length > 0) throw invalidInput([{ field: 'suggestionIds', reason: problems.join('; ') }]);
    const held = await this.votes.heldByActiveSession(user, ids);
    if (held.length > 0) throw new MeetingsException(MeetingsExceptionCode.VOTE_ITEM_CONFLICT, `Already in a vote session not yet closed: ${held.join(', ')}`, { held });
  }

  /** A clear 409 before closing, instead of the suggestion workflow refusing the result half-way. */
  private async checkItemsStillVotable(user: AuthUser, id: string): Promise<void> {
    const stale = (await this.votes.items(user, id)).filter((item) => item.keyState !== 'heard');
    if (stale.length > 0) {
      throw new MeetingsException(
        MeetingsExceptionCode.VOTE_ITEM_CONFLICT,
        `These items no longer await a vote (unmarked or decided meanwhile): ${stale.map((i) => i.suggestionId).join(', ')}`,
      );
    }
  }
}

export function announcementLabel(session: Pick<VoteSessionEntity, 'announcementYear' | 'announcementNumber'>): string {
  return `〔${session.announcementYear}〕第${session.announcementNumber}号`;
}

function withoutChoices(item: VoteItemRow) {
  return { id: item.id, suggestionId: item.suggestionId, position: item.position, number: item.number, title: item.title, ballotsIssued: item.ballotsIssued };
}

function withResults(item: VoteItemRow) {
  const returned = item.ballotsReturned ?? 0;
  return {
    ...withoutChoices(item),
    ballotsReturned: returned,
    satisfied: { count: item.satisfied ?? 0, percent: percentOf(item.satisfied ?? 0, returned) },
    basicallySatisfied: { count: item.basicallySatisfied ?? 0, percent: percentOf(item.basicallySatisfied ?? 0, returned) },
    unsatisfied: { count: item.unsatisfied ?? 0, percent: percentOf(item.unsatisfied ?? 0, returned) },
    passed: item.passed,
    resultReason: item.resultReason,
  };
}

function withoutTenant<T extends { jurisdictionId?: string }>({ jurisdictionId: _omit, ...rest }: T): Omit<T, 'jurisdictionId'> {
  return rest;
}
