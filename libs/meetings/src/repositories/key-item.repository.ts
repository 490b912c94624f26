import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { TenantScope } from './key-proposal.repository';

export interface SuggestionFacts {
  id: string;
  number: number | null;
  title: string;
  state: string;
  isKey: boolean;
  keyState: string | null;
}

export interface KeyItemRow {
  suggestionId: string;
  number: number | null;
  title: string;
  category: string;
  state: string;
  keyState: string;
  round: number;
  classification: string | null;
  overdue: boolean;
  topic: string | null;
  supervisingLeaderId: string;
  supervisingLeaderName: string | null;
  leadingLeaderId: string;
  leadingLeaderName: string | null;
  hearings: number;
  votes: number;
  lastVotePassed: boolean | null;
}

/**
 * Read models of key suggestions over the suggestion domain's tables and the engine's instances:
 * the key track lives in the instance's context, the rest in the projected rows.
 */
@Injectable()
export class KeyItemRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  suggestionFacts(scope: TenantScope, ids: string[], manager: EntityManager = this.dataSource.manager): Promise<SuggestionFacts[]> {
    return manager.query(
      `SELECT id, number, title, state, is_key AS "isKey", key_state AS "keyState"
         FROM suggestions WHERE jurisdiction_id = $1 AND id = ANY($2::uuid[])`,
      [scope.jurisdictionId, ids],
    );
  }

  /** Key items, optionally only those a leader leads or supervises; by topic, then number. */
  keyItems(scope: TenantScope, leaderUserId?: string): Promise<KeyItemRow[]> {
    return this.dataSource.query(
      `SELECT s.id AS "suggestionId", s.number, s.title, s.category, s.state, s.key_state AS "keyState", s.round,
              s.classification, s.overdue, k.topic, k.supervising AS "supervisingLeaderId", sup.display_name AS "supervisingLeaderName",
              k.leading AS "leadingLeaderId", lead.display_name AS "leadingLeaderName",
              k.hearings, k.votes, k.last_vote_passed AS "lastVotePassed"
         FROM suggestions s
         JOIN workflow_instances wi ON wi.id = s.id
         CROSS JOIN LATERAL (SELECT wi.snapshot #>> '{context,key,topic}' AS topic,
                                    (wi.snapshot #>> '{context,key,supervisingLeaderId}')::uuid AS supervising,
                                    (wi.snapshot #>> '{context,key,leadingLeaderId}')::uuid AS leading,
                                    (wi.snapshot #>> '{context,key,hearings}')::int AS hearings,
                                    (wi.snapshot #>> '{context,key,votes}')::int AS votes,
                                    (wi.snapshot #>> '{context,key,lastVotePassed}')::boolean AS last_vote_passed) k
         LEFT JOIN users sup ON sup.id = k.supervising
         LEFT JOIN users lead ON lead.id = k.leading
        WHERE s.jurisdiction_id = $1 AND s.is_key
          AND ($2::uuid IS NULL OR k.supervising = $2::uuid OR k.leading = $2::uuid)
        ORDER BY k.topic NULLS LAST, s.number NULLS LAST, s.id`,
      [scope.jurisdictionId, leaderUserId ?? null],
    );
  }

  assignments(scope: TenantScope, ids: string[]) {
    return this.dataSource.query(
      `SELECT a.suggestion_id AS "suggestionId", a.unit_id AS "unitId", u.name AS "unitName", u.contact AS "unitContact", a.round,
              a.role, a.acknowledged, a.contacts, a.reply_due_at AS "replyDueAt", a.overdue, a.classification, a.active
         FROM assignments a JOIN suggestions s ON s.id = a.suggestion_id AND a.round = s.round
         JOIN handling_units u ON u.id = a.unit_id
        WHERE a.jurisdiction_id = $1 AND a.suggestion_id = ANY($2::uuid[]) ORDER BY a.role, u.code`,
      [scope.jurisdictionId, ids],
    ) as Promise<Array<{ suggestionId: string; [field: string]: unknown }>>;
  }

  openDeadlines(scope: TenantScope, ids: string[]) {
    return this.dataSource.query(
      `SELECT instance_id AS "suggestionId", key, kind, unit_id AS "unitId", due_at AS "dueAt"
         FROM deadlines WHERE jurisdiction_id = $1 AND instance_id = ANY($2::uuid[]) AND status = 'OPEN' ORDER BY due_at`,
      [scope.jurisdictionId, ids],
    ) as Promise<Array<{ suggestionId: string; kind: string; dueAt: Date; [field: string]: unknown }>>;
  }

  /** Contact records (见面沟通) as the units entered them: the RECORD_CONTACT events of the audit trail. */
  contacts(scope: TenantScope, ids: string[]) {
    return this.dataSource.query(
      `SELECT e.instance_id AS "suggestionId", u.unit_id AS "unitId", e.payload ->> 'method' AS method,
              e.payload ->> 'contactedAt' AS "contactedAt", e.payload ->> 'participants' AS participants,
              e.payload ->> 'notes' AS notes, e.at AS "recordedAt"
         FROM audit_events e LEFT JOIN users u ON u.id::text = e.actor_user_id
        WHERE e.jurisdiction_id = $1 AND e.instance_id = ANY($2::uuid[]) AND e.event_type = 'RECORD_CONTACT'
        ORDER BY e.at`,
      [scope.jurisdictionId, ids],
    ) as Promise<Array<{ suggestionId: string; [field: string]: unknown }>>;
  }

  replies(scope: TenantScope, ids: string[]) {
    return this.dataSource.query(
      `SELECT r.suggestion_id AS "suggestionId", r.unit_id AS "unitId", u.name AS "unitName", r.round, r.classification, r.text,
              r.signed_by AS "signedBy", r.is_follow_up AS "isFollowUp", r.on_time AS "onTime", r.replied_at AS "repliedAt"
         FROM replies r JOIN handling_units u ON u.id = r.unit_id
        WHERE r.jurisdiction_id = $1 AND r.suggestion_id = ANY($2::uuid[]) ORDER BY r.replied_at`,
      [scope.jurisdictionId, ids],
    ) as Promise<Array<{ suggestionId: string; [field: string]: unknown }>>;
  }

  hearings(scope: TenantScope, ids: string[]) {
    return this.dataSource.query(
      `SELECT a.suggestion_id AS "suggestionId", m.id AS "meetingId", m.title AS "meetingTitle", m.meeting_date AS "meetingDate",
              a.status, a.reporter_name AS "reporterName", a.opinion, a.heard_at AS "heardAt"
         FROM council_agenda_items a JOIN council_meetings m ON m.id = a.meeting_id
        WHERE a.jurisdiction_id = $1 AND a.suggestion_id = ANY($2::uuid[]) ORDER BY m.meeting_date, a.position`,
      [scope.jurisdictionId, ids],
    ) as Promise<Array<{ suggestionId: string; [field: string]: unknown }>>;
  }
}
