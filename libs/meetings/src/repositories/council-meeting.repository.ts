import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { updatedRows } from '@app/persistence';
import { AgendaItemEntity, AgendaItemStatus, HearingAttachment } from '../entities/agenda-item.entity';
import { CouncilMeetingEntity } from '../entities/council-meeting.entity';
import type { TenantScope } from './key-proposal.repository';

export interface AgendaRow extends AgendaItemEntity {
  number: number | null;
  title: string;
  keyState: string | null;
  reporterUnitName: string | null;
}

export interface HearingRecord {
  reporterUnitId: string | null;
  reporterLeaderId: string | null;
  reporterName: string;
  report: string;
  attachments: HearingAttachment[];
  opinion: string;
  recordedBy: string;
  heardAt: Date;
}

/** Council meetings and their agendas; every method takes the tenant scope. */
@Injectable()
export class CouncilMeetingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertMeeting(manager: EntityManager, meeting: Omit<CouncilMeetingEntity, 'id'>): Promise<string> {
    const result = await manager.getRepository(CouncilMeetingEntity).insert(meeting);
    return result.identifiers[0].id as string;
  }

  findMeeting(scope: TenantScope, id: string, manager: EntityManager = this.dataSource.manager): Promise<CouncilMeetingEntity | null> {
    return manager.getRepository(CouncilMeetingEntity).findOneBy({ id, jurisdictionId: scope.jurisdictionId });
  }

  listMeetings(scope: TenantScope): Promise<Array<CouncilMeetingEntity & { items: number; heard: number }>> {
    return this.dataSource.query(
      `SELECT m.id, m.title, m.meeting_date AS "meetingDate", m.created_by AS "createdBy", m.created_at AS "createdAt",
              count(a.id)::int AS items, count(a.id) FILTER (WHERE a.status = 'HEARD')::int AS heard
         FROM council_meetings m LEFT JOIN council_agenda_items a ON a.meeting_id = m.id
        WHERE m.jurisdiction_id = $1 GROUP BY m.id ORDER BY m.meeting_date DESC, m.created_at DESC`,
      [scope.jurisdictionId],
    );
  }

  agenda(scope: TenantScope, meetingId: string): Promise<AgendaRow[]> {
    return this.dataSource.query(
      `SELECT a.id, a.meeting_id AS "meetingId", a.suggestion_id AS "suggestionId", a.position, a.status,
              a.reporter_unit_id AS "reporterUnitId", u.name AS "reporterUnitName", a.reporter_leader_id AS "reporterLeaderId",
              a.reporter_name AS "reporterName", a.report, a.attachments, a.opinion, a.heard_at AS "heardAt",
              a.recorded_by AS "recordedBy", a.deferred_to_meeting_id AS "deferredToMeetingId", a.defer_reason AS "deferReason",
              s.number, s.title, s.key_state AS "keyState"
         FROM council_agenda_items a JOIN suggestions s ON s.id = a.suggestion_id
         LEFT JOIN handling_units u ON u.id = a.reporter_unit_id
        WHERE a.jurisdiction_id = $1 AND a.meeting_id = $2 ORDER BY a.position, a.id`,
      [scope.jurisdictionId, meetingId],
    );
  }

  findItem(scope: TenantScope, meetingId: string, itemId: string): Promise<AgendaItemEntity | null> {
    return this.dataSource.getRepository(AgendaItemEntity).findOneBy({ id: itemId, meetingId, jurisdictionId: scope.jurisdictionId });
  }

  /** Appends suggestions to the end of a meeting's agenda; the meeting row lock keeps positions unique. */
  async appendItems(manager: EntityManager, scope: TenantScope, meetingId: string, suggestionIds: string[]): Promise<void> {
    await manager.query('SELECT id FROM council_meetings WHERE id = $1 FOR UPDATE', [meetingId]);
    const [{ last }]: Array<{ last: number }> = await manager.query(
      'SELECT coalesce(max(position), 0)::int AS last FROM council_agenda_items WHERE meeting_id = $1',
      [meetingId],
    );
    await manager.getRepository(AgendaItemEntity).insert(
      suggestionIds.map((suggestionId, index) => ({
        jurisdictionId: scope.jurisdictionId, meetingId, suggestionId, position: last + index + 1, status: AgendaItemStatus.PENDING,
        reporterUnitId: null, reporterLeaderId: null, reporterName: null, report: null, attachments: [], opinion: null,
        heardAt: null, recordedBy: null, deferredToMeetingId: null, deferReason: null,
      })),
    );
  }

  /** Suggestions among `ids` already on this meeting's agenda. */
  async onAgenda(scope: TenantScope, meetingId: string, suggestionIds: string[]): Promise<string[]> {
    const rows: Array<{ suggestionId: string }> = await this.dataSource.query(
      `SELECT suggestion_id AS "suggestionId" FROM council_agenda_items
        WHERE jurisdiction_id = $1 AND meeting_id = $2 AND suggestion_id = ANY($3::uuid[])`,
      [scope.jurisdictionId, meetingId, suggestionIds],
    );
    return rows.map((row) => row.suggestionId);
  }

  /** Sets the agenda order; `itemIds` must be exactly the meeting's items. */
  async reorder(manager: EntityManager, meetingId: string, itemIds: string[]): Promise<void> {
    await manager.query('SELECT id FROM council_meetings WHERE id = $1 FOR UPDATE', [meetingId]);
    await manager.query(
      `UPDATE council_agenda_items a SET position = o.position
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, position) WHERE a.id = o.id AND a.meeting_id = $1`,
      [meetingId, itemIds],
    );
  }

  /** Records the hearing of an item still pending; false when it was heard or deferred meanwhile. */
  async markHeard(manager: EntityManager, itemId: string, record: HearingRecord): Promise<boolean> {
    const rows = updatedRows<{ id: string }>(
      await manager.query(
        `UPDATE council_agenda_items SET status = 'HEARD', reporter_unit_id = $2, reporter_leader_id = $3, reporter_name = $4,
                report = $5, attachments = $6, opinion = $7, recorded_by = $8, heard_at = $9
          WHERE id = $1 AND status = 'PENDING' RETURNING id`,
        [itemId, record.reporterUnitId, record.reporterLeaderId, record.reporterName, record.report,
          JSON.stringify(record.attachments), record.opinion, record.recordedBy, record.heardAt],
      ),
    );
    return rows.length === 1;
  }

  async markDeferred(manager: EntityManager, itemId: string, toMeetingId: string, reason: string): Promise<boolean> {
    const rows = updatedRows<{ id: string }>(
      await manager.query(
        `UPDATE council_agenda_items SET status = 'DEFERRED', deferred_to_meeting_id = $2, defer_reason = $3
          WHERE id = $1 AND status = 'PENDING' RETURNING id`,
        [itemId, toMeetingId, reason],
      ),
    );
    return rows.length === 1;
  }
}
