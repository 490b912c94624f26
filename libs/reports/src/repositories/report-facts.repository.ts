import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Facts, KeyResult, SuggestionFact } from '../utils/compute-figures.util';

export interface TenantScope {
  jurisdictionId: string;
}

export interface Names {
  sessions: Array<{ id: string; name: string; year: number }>;
  units: Array<{ id: string; name: string; code: string }>;
  delegations: Array<{ id: string; name: string }>;
  deputies: Array<{ id: string; name: string; deputyNumber: string; delegationId: string | null }>;
}

export interface ProposalRow {
  deputyId: string;
  role: string;
  status: string;
  submittedAt: Date;
}

/** Reads the rows the figures are computed from, as of an instant: nothing after it is loaded. */
@Injectable()
export class ReportFactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async facts(scope: TenantScope, asOf: Date, sessionId: string | null): Promise<Facts> {
    const params = [scope.jurisdictionId, asOf, sessionId];
    const inScope = `s.jurisdiction_id = $1 AND s.submitted_at <= $2 AND ($3::uuid IS NULL OR s.session_id = $3)`;
    const [suggestions, assignments, replies, feedback] = await Promise.all([
      this.dataSource.query(
        // Withdrawal and key status come from the audit trail, so that they are what they were at the date.
        `SELECT s.id, s.session_id AS "sessionId", s.delegation_id AS "delegationId", s.lead_deputy_id AS "leadDeputyId",
                (SELECT min(e.at) FROM audit_events e WHERE e.instance_id = s.id AND e.event_type = 'WITHDRAW' AND e.at <= $2) AS "withdrawnAt",
                (SELECT e.event_type FROM audit_events e WHERE e.instance_id = s.id AND e.event_type IN ('MARK_KEY', 'UNMARK_KEY') AND e.at <= $2
                  ORDER BY e.seq DESC LIMIT 1) AS "keyEvent",
                (SELECT (e.payload->>'passed')::boolean FROM audit_events e WHERE e.instance_id = s.id AND e.event_type = 'RECORD_VOTE_RESULT' AND e.at <= $2
                  ORDER BY e.seq DESC LIMIT 1) AS "votePassed"
           FROM suggestions s WHERE ${inScope}`,
        params,
      ),
      this.dataSource.query(
        `SELECT a.suggestion_id AS "suggestionId", a.unit_id AS "unitId", a.round, a.role, a.assigned_at AS "assignedAt",
                a.reply_due_at AS "replyDueAt", a.active
           FROM assignments a JOIN suggestions s ON s.id = a.suggestion_id WHERE ${inScope} AND a.assigned_at <= $2`,
        params,
      ),
      this.dataSource.query(
        `SELECT r.suggestion_id AS "suggestionId", r.unit_id AS "unitId", r.round, r.classification, r.is_follow_up AS "isFollowUp",
                r.preceded_by_contact AS "precededByContact", r.on_time AS "onTime", r.replied_at AS "repliedAt"
           FROM replies r JOIN suggestions s ON s.id = r.suggestion_id WHERE ${inScope} AND r.replied_at <= $2 ORDER BY r.replied_at, r.id`,
        params,
      ),
      this.dataSource.query(
        `SELECT f.suggestion_id AS "suggestionId", f.deputy_id AS "deputyId", f.round, f.result
           FROM feedback f JOIN suggestions s ON s.id = f.suggestion_id WHERE ${inScope} AND f.given_at <= $2`,
        params,
      ),
    ]);
    return {
      asOf,
      suggestions: (suggestions as Array<SuggestionFact & { keyEvent: string | null; votePassed: boolean | null }>).map(({ keyEvent, votePassed, ...s }) => ({
        ...s,
        key: keyEvent === 'MARK_KEY' ? keyResult(votePassed) : null,
      })),
      assignments,
      replies,
      feedback,
    };
  }

  async names(scope: TenantScope): Promise<Names> {
    const q = (sql: string) => this.dataSource.query(sql, [scope.jurisdictionId]);
    const [sessions, units, delegations, deputies] = await Promise.all([
      q('SELECT id, name, year FROM congress_sessions WHERE jurisdiction_id = $1 ORDER BY year, term, session_number'),
      q('SELECT id, name, code FROM handling_units WHERE jurisdiction_id = $1 ORDER BY code'),
      q('SELECT id, name FROM delegations WHERE jurisdiction_id = $1 ORDER BY name'),
      q('SELECT id, name, deputy_number AS "deputyNumber", delegation_id AS "delegationId" FROM deputies WHERE jurisdiction_id = $1 ORDER BY deputy_number'),
    ]);
    return { sessions, units, delegations, deputies };
  }

  /** Every proposer row of suggestions submitted in [from, to). */
  async proposals(scope: TenantScope, from: Date, to: Date): Promise<ProposalRow[]> {
    return this.dataSource.query(
      `SELECT p.deputy_id AS "deputyId", p.role, p.status, s.submitted_at AS "submittedAt"
         FROM suggestion_proposers p JOIN suggestions s ON s.id = p.suggestion_id
        WHERE s.jurisdiction_id = $1 AND s.submitted_at >= $2 AND s.submitted_at < $3 AND (p.via_suggestion_id IS NULL)`,
      [scope.jurisdictionId, from, to],
    );
  }

  /** Feedback each deputy returned in [from, to), none-given rows left out. */
  async feedbackGiven(scope: TenantScope, from: Date, to: Date): Promise<Array<{ deputyId: string; count: number }>> {
    return this.dataSource.query(
      `SELECT deputy_id AS "deputyId", count(*)::int AS count FROM feedback
        WHERE jurisdiction_id = $1 AND given_at >= $2 AND given_at < $3 AND result IS NOT NULL GROUP BY deputy_id`,
      [scope.jurisdictionId, from, to],
    );
  }

  /** Key suggestions with the facts the key report lists. */
  async keyItems(scope: TenantScope, ids: string[]) {
    if (ids.length === 0) return [];
    return this.dataSource.query(
      `SELECT s.id, s.number, s.title, s.session_id AS "sessionId", s.key_state AS "keyState",
              (SELECT string_agg(u.name, '、' ORDER BY a.role, u.code) FROM assignments a JOIN handling_units u ON u.id = a.unit_id
                WHERE a.suggestion_id = s.id AND a.round = 1 AND a.active) AS units,
              (SELECT count(*)::int FROM audit_events e WHERE e.instance_id = s.id AND e.event_type = 'RECORD_HEARING') AS hearings
         FROM suggestions s WHERE s.jurisdiction_id = $1 AND s.id = ANY($2::uuid[]) ORDER BY s.number`,
      [scope.jurisdictionId, ids],
    ) as Promise<Array<{ id: string; number: number | null; title: string; sessionId: string; keyState: string | null; units: string | null; hearings: number }>>;
  }
}

function keyResult(votePassed: boolean | null): KeyResult {
  return votePassed === null ? 'PENDING' : votePassed ? 'PASSED' : 'FAILED';
}
