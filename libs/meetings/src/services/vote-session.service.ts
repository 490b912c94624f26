import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hasRole, Role } from '@app/workflows/common/actor';
import type { VoteSessionEventType } from '@app/workflows/vote-session';
import { AuthUser, DirectoryRepository, JurisdictionProfileService } from '@app/accounts';
import { Clock, FieldError, invalidInput, validateEventBody } from '@app/persistence';
import { requestHash, WorkflowEngine } from '@app/workflow-engine';
import { VOTE_SESSION_WORKFLOW } from '../constants/meetings.constant';
import { VoteSubjectKind } from '../constants/vote-subject.constant';
import { CancelVoteSessionDto, CreateVoteSessionDto, EmptyEventDto, OpenVoteSessionDto } from '../dtos/vote-session.dto';
import { VoteSessionEntity } from '../entities/vote-session.entity';
import { MeetingsException, MeetingsExceptionCode } from '../exceptions/meetings.exception';
import { VoteItemRow, VoteRepository, VoteSubjectRow } from '../repositories/vote.repository';
import { resolveEntitledVoters } from '../utils/entitled-voters.util';
import { MEETING_ROLES, requireRole } from '../utils/meetings-access.util';
import { countsWithShares } from '../utils/vote-result-view.util';
import { subjectKey, VoteSubjectRef, VoteSubjectRegistry } from './vote-subject-registry.service';

/** Most items one session votes on. */
const MAX_VOTE_ITEMS = 300;

/** A subject as the request named it, with the field that named it (for a 400 that points there). */
type RequestedSubject = VoteSubjectRef & { field: 'suggestionIds' | 'subjects' };

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
    private readonly subjects: VoteSubjectRegistry,
    private readonly directory: DirectoryRepository,
    private readonly profiles: JurisdictionProfileService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, dto: CreateVoteSessionDto) {
    requireRole(user, MEETING_ROLES.prepare, 'prepare vote sessions');
    const requested = this.requestedSubjects(dto);
    if (dto.chairUserId) {
      const [chair] = await this.directory.findLeaderUsers(user, [dto.chairUserId]);
      if (!chair?.roles.includes(Role.SC_LEADER)) throw invalidInput([{ field: 'chairUserId', reason: 'must be a standing-committee leader' }]);
    }
    const { vote } = await this.profiles.getProfile(user.jurisdictionId);
    const id = randomUUID();
    await this.engine.createAndSchedule(
      {
        workflow: VOTE_SESSION_WORKFLOW, jurisdictionId: user.jurisdictionId, instanceId: id, actor: user,
        input: { rules: { ...vote }, chairUserId: dto.chairUserId ?? null, itemCount: requested.length },
      },
      async (manager) => {
        const subjects = await this.takeSubjects(manager, user, requested);
        await this.votes.insertSession(
          manager,
          {
            id, jurisdictionId: user.jurisdictionId, title: dto.title, meetingName: dto.meetingName, meetingDate: dto.meetingDate,
            chairUserId: dto.chairUserId ?? null, state: 'created', announcementYear: null, announcementNumber: null,
            createdBy: user.userId, createdAt: this.clock.now(), openedAt: null, closedAt: null, publishedAt: null,
          },
          subjects,
        );
      },
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
    const event = validateEventBody(EVENT_DTOS, body);
    if (event.type === 'OPEN') return { type: event.type, voters: await resolveEntitledVoters(this.directory, user, event as unknown as OpenVoteSessionDto) };
    if (event.type === 'CLOSE') await this.checkItemsStillVotable(user, id);
    return event;
  }

  /** Key suggestions named by id, then the other subjects, in ballot order: at least one, none twice. */
  private requestedSubjects(dto: CreateVoteSessionDto): RequestedSubject[] {
    const requested: RequestedSubject[] = [
      ...(dto.suggestionIds ?? []).map((id) => ({ kind: VoteSubjectKind.KEY_SUGGESTION, id: id.toLowerCase(), field: 'suggestionIds' as const })),
      ...(dto.subjects ?? []).map((subject) => ({ kind: subject.kind, id: subject.id.toLowerCase(), field: 'subjects' as const })),
    ];
    if (requested.length === 0) throw invalidInput([{ field: 'suggestionIds', reason: 'name at least one item to vote on, in suggestionIds or subjects' }]);
    if (requested.length > MAX_VOTE_ITEMS) throw invalidInput([{ field: 'subjects', reason: `at most ${MAX_VOTE_ITEMS} items in one session` }]);
    const twice = requested.filter((ref, index) => requested.findIndex((other) => subjectKey(other) === subjectKey(ref)) !== index);
    if (twice.length > 0) throw invalidInput([{ field: 'subjects', reason: `listed twice: ${twice.map((ref) => ref.id).join(', ')}` }]);
    return requested;
  }

  /**
   * Inside the session's creating transaction: locks the subjects, checks each awaits a vote (its domain says so)
   * and is held by no other live session, and returns them with the number and title the ballot shows.
   */
  private async takeSubjects(manager: EntityManager, user: AuthUser, requested: RequestedSubject[]): Promise<VoteSubjectRow[]> {
    await this.votes.lockSubjects(manager, user, requested.map((ref) => ref.id));
    const found = await this.subjects.describe(user, requested, manager);
    const errors: FieldError[] = (['suggestionIds', 'subjects'] as const).flatMap((field) => {
      const problems = this.subjects.refusals(requested.filter((ref) => ref.field === field), found);
      return problems.length > 0 ? [{ field, reason: problems.join('; ') }] : [];
    });
    if (errors.length > 0) throw invalidInput(errors);
    const held = (await this.votes.heldByActiveSession(manager, user, requested)).map((ref) => ref.id);
    if (held.length > 0) throw new MeetingsException(MeetingsExceptionCode.VOTE_ITEM_CONFLICT, `Already in a vote session not yet closed: ${held.join(', ')}`, { held });
    return requested.map((ref) => {
      const { kind, id, number, title } = found.get(subjectKey(ref))!;
      return { kind, id, number, title };
    });
  }

  /** A clear 409 before closing, instead of a subject's workflow refusing the result half-way. */
  private async checkItemsStillVotable(user: AuthUser, id: string): Promise<void> {
    const refs = (await this.votes.items(user, id)).map((item) => ({ kind: item.subjectKind, id: item.subjectId }));
    const stale = this.subjects.refusals(refs, await this.subjects.describe(user, refs));
    if (stale.length > 0) {
      throw new MeetingsException(MeetingsExceptionCode.VOTE_ITEM_CONFLICT, `These items no longer await a vote (decided or withdrawn meanwhile): ${stale.join('; ')}`);
    }
  }
}

export function announcementLabel(session: Pick<VoteSessionEntity, 'announcementYear' | 'announcementNumber'>): string {
  return `〔${session.announcementYear}〕第${session.announcementNumber}号`;
}

/** `suggestionId` stays for clients that knew only key suggestions; it is null for a subject of another kind. */
function withoutChoices(item: VoteItemRow) {
  return {
    id: item.id, suggestionId: item.subjectKind === VoteSubjectKind.KEY_SUGGESTION ? item.subjectId : null, subjectKind: item.subjectKind,
    subjectId: item.subjectId, position: item.position, number: item.number, title: item.title, ballotsIssued: item.ballotsIssued,
  };
}

function withResults(item: VoteItemRow) {
  return { ...withoutChoices(item), ...countsWithShares(item), passed: item.passed, resultReason: item.resultReason };
}

function withoutTenant<T extends { jurisdictionId?: string }>({ jurisdictionId: _omit, ...rest }: T): Omit<T, 'jurisdictionId'> {
  return rest;
}
