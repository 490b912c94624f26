import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role } from '@app/workflows/common/actor';
import { AuthUser, DirectoryRepository } from '@app/accounts';
import { Clock, invalidInput } from '@app/persistence';
import { WorkflowEngine } from '@app/workflow-engine';
import { SUGGESTION_WORKFLOW_NAME } from '../constants/meetings.constant';
import {
  AgendaSuggestionsDto, CreateCouncilMeetingDto, DeferAgendaItemDto, RecordHearingDto, ReorderAgendaDto,
} from '../dtos/council-meeting.dto';
import { AgendaItemEntity, AgendaItemStatus } from '../entities/agenda-item.entity';
import { CouncilMeetingEntity } from '../entities/council-meeting.entity';
import { MeetingsException, MeetingsExceptionCode } from '../exceptions/meetings.exception';
import { CouncilMeetingRepository } from '../repositories/council-meeting.repository';
import { KeyItemRepository } from '../repositories/key-item.repository';
import { MEETING_ROLES, requireRole } from '../utils/meetings-access.util';

/** Council meetings (主任会议): an ordered agenda of key items, heard one by one, or deferred to a later meeting. */
@Injectable()
export class CouncilMeetingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly meetings: CouncilMeetingRepository,
    private readonly keyItems: KeyItemRepository,
    private readonly directory: DirectoryRepository,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, dto: CreateCouncilMeetingDto) {
    requireRole(user, MEETING_ROLES.prepare, 'prepare council meetings');
    await this.checkKeySuggestions(user, dto.suggestionIds);
    const id = await this.dataSource.transaction(async (manager) => {
      const meetingId = await this.meetings.insertMeeting(manager, {
        jurisdictionId: user.jurisdictionId, title: dto.title, meetingDate: dto.meetingDate, createdBy: user.userId, createdAt: this.clock.now(),
      });
      if (dto.suggestionIds.length > 0) await this.meetings.appendItems(manager, user, meetingId, dto.suggestionIds);
      return meetingId;
    });
    return this.get(user, id);
  }

  list(user: AuthUser) {
    requireRole(user, MEETING_ROLES.read, 'see council meetings');
    return this.meetings.listMeetings(user);
  }

  /** The meeting with its agenda in order, what was heard and what remains, and the next item to hear. */
  async get(user: AuthUser, id: string) {
    requireRole(user, MEETING_ROLES.read, 'see council meetings');
    const meeting = await this.getMeetingOrFail(user, id);
    const agenda = await this.meetings.agenda(user, id);
    const count = (status: AgendaItemStatus) => agenda.filter((item) => item.status === status).length;
    return {
      ...withoutTenant(meeting),
      progress: { total: agenda.length, heard: count(AgendaItemStatus.HEARD), deferred: count(AgendaItemStatus.DEFERRED), remaining: count(AgendaItemStatus.PENDING) },
      nextItemId: agenda.find((item) => item.status === AgendaItemStatus.PENDING)?.id ?? null,
      agenda: agenda.map(withoutTenant),
    };
  }

  async addItems(user: AuthUser, id: string, dto: AgendaSuggestionsDto) {
    requireRole(user, MEETING_ROLES.prepare, 'change the agenda');
    await this.getMeetingOrFail(user, id);
    await this.checkKeySuggestions(user, dto.suggestionIds);
    await this.checkNotOnAgenda(user, id, dto.suggestionIds);
    await this.dataSource.transaction((manager) => this.meetings.appendItems(manager, user, id, dto.suggestionIds));
    return this.get(user, id);
  }

  async reorder(user: AuthUser, id: string, dto: ReorderAgendaDto) {
    requireRole(user, MEETING_ROLES.prepare, 'change the agenda');
    await this.getMeetingOrFail(user, id);
    const current = (await this.meetings.agenda(user, id)).map((item) => item.id);
    if (current.length !== dto.itemIds.length || current.some((itemId) => !dto.itemIds.includes(itemId))) {
      throw invalidInput([{ field: 'itemIds', reason: `must list exactly the meeting's ${current.length} agenda items` }]);
    }
    await this.dataSource.transaction((manager) => this.meetings.reorder(manager, id, dto.itemIds));
    return this.get(user, id);
  }

  /** Records one item's hearing and tells its suggestion (RECORD_HEARING) in the same transaction. */
  async recordHearing(user: AuthUser, meetingId: string, itemId: string, dto: RecordHearingDto) {
    requireRole(user, MEETING_ROLES.council, 'record a hearing');
    const item = await this.getPendingItemOrFail(user, meetingId, itemId);
    await this.checkReporters(user, dto);
    await this.engine.inTransaction(async ({ manager, apply }) => {
      const heard = await this.meetings.markHeard(manager, itemId, {
        reporterUnitId: dto.reporterUnitId ?? null, reporterLeaderId: dto.reporterLeaderId ?? null, reporterName: dto.reporterName,
        report: dto.report, opinion: dto.opinion, recordedBy: user.userId, heardAt: this.clock.now(),
        attachments: dto.attachments.map((a) => ({ name: a.name, url: a.url ?? null, text: a.text ?? null })),
      });
      if (!heard) throw itemConflict(itemId, 'was heard or deferred meanwhile');
      await apply({
        workflow: SUGGESTION_WORKFLOW_NAME, jurisdictionId: user.jurisdictionId, instanceId: item.suggestionId, actor: user,
        event: { type: 'RECORD_HEARING', meetingId, opinion: dto.opinion },
      });
    });
    return this.get(user, meetingId);
  }

  /** Moves a pending item to the end of a later meeting's agenda. */
  async defer(user: AuthUser, meetingId: string, itemId: string, dto: DeferAgendaItemDto) {
    requireRole(user, MEETING_ROLES.council, 'defer an agenda item');
    const item = await this.getPendingItemOrFail(user, meetingId, itemId);
    const [from, to] = [await this.getMeetingOrFail(user, meetingId), await this.meetings.findMeeting(user, dto.toMeetingId)];
    if (!to) throw invalidInput([{ field: 'toMeetingId', reason: 'no such council meeting' }]);
    if (to.id === from.id || to.meetingDate < from.meetingDate) {
      throw invalidInput([{ field: 'toMeetingId', reason: `must be a later meeting than ${from.meetingDate}` }]);
    }
    await this.checkNotOnAgenda(user, to.id, [item.suggestionId]);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.meetings.markDeferred(manager, itemId, to.id, dto.reason))) throw itemConflict(itemId, 'was heard or deferred meanwhile');
      await this.meetings.appendItems(manager, user, to.id, [item.suggestionId]);
    });
    return this.get(user, meetingId);
  }

  private async getMeetingOrFail(user: AuthUser, id: string): Promise<CouncilMeetingEntity> {
    const meeting = await this.meetings.findMeeting(user, id);
    if (!meeting) throw new MeetingsException(MeetingsExceptionCode.COUNCIL_MEETING_NOT_FOUND, `Council meeting ${id} not found`);
    return meeting;
  }

  private async getPendingItemOrFail(user: AuthUser, meetingId: string, itemId: string): Promise<AgendaItemEntity> {
    await this.getMeetingOrFail(user, meetingId);
    const item = await this.meetings.findItem(user, meetingId, itemId);
    if (!item) throw new MeetingsException(MeetingsExceptionCode.AGENDA_ITEM_NOT_FOUND, `Agenda item ${itemId} not found on this meeting`);
    if (item.status !== AgendaItemStatus.PENDING) throw itemConflict(itemId, `is already ${item.status.toLowerCase()}`);
    return item;
  }

  private async checkKeySuggestions(user: AuthUser, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const facts = await this.keyItems.suggestionFacts(user, ids);
    const notKey = ids.filter((id) => !facts.some((f) => f.id === id && f.isKey));
    if (notKey.length > 0) throw invalidInput([{ field: 'suggestionIds', reason: `not key suggestions of this jurisdiction: ${notKey.join(', ')}` }]);
  }

  private async checkNotOnAgenda(user: AuthUser, meetingId: string, ids: string[]): Promise<void> {
    const already = await this.meetings.onAgenda(user, meetingId, ids);
    if (already.length > 0) {
      throw new MeetingsException(MeetingsExceptionCode.AGENDA_ITEM_CONFLICT, `Already on that meeting's agenda: ${already.join(', ')}`, { already });
    }
  }

  private async checkReporters(user: AuthUser, dto: RecordHearingDto): Promise<void> {
    if (dto.reporterUnitId && !(await this.directory.findUnits(user, [dto.reporterUnitId])).some((u) => u.active)) {
      throw invalidInput([{ field: 'reporterUnitId', reason: 'unknown or inactive unit' }]);
    }
    if (dto.reporterLeaderId) {
      const [leader] = await this.directory.findLeaderUsers(user, [dto.reporterLeaderId]);
      if (!leader?.roles.includes(Role.GOV_LEADER)) throw invalidInput([{ field: 'reporterLeaderId', reason: 'must be a government leader' }]);
    }
  }
}

function itemConflict(itemId: string, why: string): MeetingsException {
  return new MeetingsException(MeetingsExceptionCode.AGENDA_ITEM_CONFLICT, `Agenda item ${itemId} ${why}`);
}

function withoutTenant<T extends { jurisdictionId?: string }>({ jurisdictionId: _omit, ...rest }: T): Omit<T, 'jurisdictionId'> {
  return rest;
}
