import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ReviewItemFact, ReviewListFact } from '../utils/review-opinion-figures.util';
import type { TenantScope } from './report-facts.repository';

/** The audit trail's name of the review-opinion list workflow (libs/review-opinions); reports read its rows only. */
const REVIEW_WORKFLOW = 'review-opinion-list';

/**
 * Review-opinion lists and items as they stood at an instant: the rows give what cannot change back (closing,
 * closed on time), the audit trail what happened by then (send-backs, passed deadlines, reports, votes, cancelling).
 */
@Injectable()
export class ReviewOpinionFactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Lists assigned in [from, to) by `asOf` and not cancelled by then, with their items. */
  async facts(scope: TenantScope, period: { from: Date; to: Date }, asOf: Date): Promise<{ lists: ReviewListFact[]; items: ReviewItemFact[] }> {
    const params = [scope.jurisdictionId, period.from, period.to, asOf, REVIEW_WORKFLOW];
    const events = (type: string) => `audit_events e WHERE e.workflow = $5 AND e.instance_id = l.id AND e.event_type = '${type}' AND e.at <= $4`;
    const inScope = `l.jurisdiction_id = $1 AND l.assigned_at >= $2 AND l.assigned_at < $3 AND l.assigned_at <= $4
                     AND NOT EXISTS (SELECT 1 FROM ${events('CANCEL')})`;
    const [lists, items] = await Promise.all([
      this.dataSource.query(
        `SELECT l.id, l.title, l.meeting_name AS "meetingName", r.name AS "reportingUnit", l.assigned_at AS "assignedAt",
                (SELECT max(e.at) FROM ${events('SUBMIT_REPORT')}) AS "reportSubmittedAt",
                EXISTS (SELECT 1 FROM ${events('DEADLINE_PASSED')} AND e.payload->>'deadlineKey' = 'report') AS "reportOverdue",
                (SELECT (e.payload->>'passed')::boolean FROM ${events('RECORD_VOTE_RESULT')} ORDER BY e.seq DESC LIMIT 1) AS "lastVotePassed"
           FROM review_opinion_lists l JOIN handling_units r ON r.id = l.reporting_unit_id WHERE ${inScope} ORDER BY l.assigned_at, l.id`,
        params,
      ),
      this.dataSource.query(
        `SELECT i.list_id AS "listId", i.unit_id AS "unitId", u.name AS "unitName",
                coalesce(i.closed_at <= $4, false) AS closed,
                coalesce(i.closed_at <= $4 AND i.closed_on_time, false) AS "closedOnTime",
                (SELECT count(*)::int FROM ${events('SEND_BACK_ITEM')} AND e.payload->>'itemId' = i.id::text) AS "sendBacks",
                EXISTS (SELECT 1 FROM ${events('DEADLINE_PASSED')} AND e.payload->>'deadlineKey' = 'item_' || i.id::text) AS overdue
           FROM review_opinion_items i JOIN review_opinion_lists l ON l.id = i.list_id JOIN handling_units u ON u.id = i.unit_id
          WHERE ${inScope} ORDER BY i.list_id, i.position`,
        params,
      ),
    ]);
    return { lists, items };
  }
}
