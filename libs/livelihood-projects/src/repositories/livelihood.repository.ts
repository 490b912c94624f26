import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { LivelihoodCandidateEntity } from '../entities/livelihood-candidate.entity';
import { LivelihoodCommitteeReportEntity } from '../entities/livelihood-committee-report.entity';
import { LivelihoodProgressReportEntity } from '../entities/livelihood-progress-report.entity';
import { LivelihoodVoteEntity } from '../entities/livelihood-vote.entity';
import { LIVELIHOOD_VOTE_WORKFLOW } from '../constants/livelihood.constant';
import type { LivelihoodTrailEntry } from '../utils/livelihood-figures.util';

export interface TenantScope {
  jurisdictionId: string;
}

export interface CandidateProjection {
  id: string;
  withdrawn: boolean;
  outcome: string | null;
  progress: number;
}

/** Votes, their candidates and the texts of progress reports; every write runs inside the engine's transaction. */
@Injectable()
export class LivelihoodRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertVote(manager: EntityManager, vote: LivelihoodVoteEntity): Promise<void> {
    await manager.getRepository(LivelihoodVoteEntity).insert(vote);
  }

  findVote(scope: TenantScope, id: string): Promise<LivelihoodVoteEntity | null> {
    return this.dataSource.getRepository(LivelihoodVoteEntity).findOneBy({ jurisdictionId: scope.jurisdictionId, id });
  }

  listVotes(scope: TenantScope, states?: readonly string[]): Promise<LivelihoodVoteEntity[]> {
    return this.dataSource.getRepository(LivelihoodVoteEntity).find({
      where: { jurisdictionId: scope.jurisdictionId, ...(states ? { state: In([...states]) } : {}) },
      order: { year: 'DESC', createdAt: 'DESC' },
    });
  }

  /** The year's votes that were not cancelled. */
  votesOfYear(scope: TenantScope, year: number): Promise<LivelihoodVoteEntity[]> {
    return this.dataSource.getRepository(LivelihoodVoteEntity).find({
      where: { jurisdictionId: scope.jurisdictionId, year, state: Not('cancelled') },
      order: { createdAt: 'ASC' },
    });
  }

  /** The year's votes created by `asOf` and not cancelled by then (a vote cancelled later still counted until it was). */
  votesOfYearAsOf(scope: TenantScope, year: number, asOf: Date): Promise<LivelihoodVoteEntity[]> {
    return this.dataSource.getRepository(LivelihoodVoteEntity).createQueryBuilder('v')
      .where('v.jurisdictionId = :jurisdictionId AND v.year = :year AND v.createdAt <= :asOf', { jurisdictionId: scope.jurisdictionId, year, asOf })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.instance_id = v.id AND e.workflow = :workflow AND e.event_type = 'CANCEL' AND e.at <= :asOf)`,
        { workflow: LIVELIHOOD_VOTE_WORKFLOW },
      )
      .orderBy('v.createdAt', 'ASC')
      .getMany();
  }

  /** Every applied event of the votes, oldest first, with the candidate, project or deadline it names: what happened when. */
  trail(scope: TenantScope, voteIds: string[]): Promise<LivelihoodTrailEntry[]> {
    if (voteIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT e.instance_id AS "voteId", e.event_type AS type, e.to_state AS "toState", e.at,
              coalesce(e.payload->>'candidateId', e.payload->>'subjectId', e.payload->>'projectId', e.payload->>'deadlineKey') AS subject,
              e.payload->>'voteSessionId' AS "voteSessionId"
         FROM audit_events e WHERE e.jurisdiction_id = $1 AND e.workflow = $2 AND e.instance_id = ANY($3::uuid[]) ORDER BY e.instance_id, e.seq`,
      [scope.jurisdictionId, LIVELIHOOD_VOTE_WORKFLOW, voteIds],
    );
  }

  candidates(scope: TenantScope, voteIds: string[]): Promise<LivelihoodCandidateEntity[]> {
    if (voteIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(LivelihoodCandidateEntity).find({
      where: { jurisdictionId: scope.jurisdictionId, voteId: In(voteIds) },
      order: { voteId: 'ASC', position: 'ASC' },
    });
  }

  /** Adds a candidate at the end of the vote's list; its position is the next one (a concurrent add loses on the unique index). */
  async insertCandidate(manager: EntityManager, candidate: Omit<LivelihoodCandidateEntity, 'position'>): Promise<void> {
    await manager.query(
      `INSERT INTO livelihood_candidates (id, jurisdiction_id, vote_id, position, title, description, unit_id, source, proposal_id,
                                          withdrawn, progress, added_by, added_at)
       SELECT $1, $2, $3, coalesce(max(position), 0) + 1, $4, $5, $6, $7, $8, false, 0, $9, $10
         FROM livelihood_candidates WHERE vote_id = $3`,
      [
        candidate.id, candidate.jurisdictionId, candidate.voteId, candidate.title, candidate.description, candidate.unitId,
        candidate.source, candidate.proposalId, candidate.addedBy, candidate.addedAt,
      ],
    );
  }

  async projectVote(manager: EntityManager, id: string, row: { state: string; electorate: number | null; concludedAt: string | null }): Promise<void> {
    await manager.query('UPDATE livelihood_votes SET state = $2, electorate = $3, concluded_at = $4 WHERE id = $1', [
      id, row.state, row.electorate, row.concludedAt,
    ]);
  }

  async projectCandidates(manager: EntityManager, rows: CandidateProjection[]): Promise<void> {
    for (const row of rows) {
      await manager.query('UPDATE livelihood_candidates SET withdrawn = $2, outcome = $3, progress = $4 WHERE id = $1', [
        row.id, row.withdrawn, row.outcome, row.progress,
      ]);
    }
  }

  async storeWithdrawReason(manager: EntityManager, candidateId: string, reason: string): Promise<void> {
    await manager.query('UPDATE livelihood_candidates SET withdraw_reason = $2 WHERE id = $1', [candidateId, reason]);
  }

  async insertProgressReport(manager: EntityManager, report: Omit<LivelihoodProgressReportEntity, 'id'>): Promise<void> {
    await manager.getRepository(LivelihoodProgressReportEntity).insert(report);
  }

  async insertCommitteeReport(manager: EntityManager, report: Omit<LivelihoodCommitteeReportEntity, 'id'>): Promise<void> {
    await manager.getRepository(LivelihoodCommitteeReportEntity).insert(report);
  }

  progressReports(scope: TenantScope, voteIds: string[]): Promise<LivelihoodProgressReportEntity[]> {
    if (voteIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(LivelihoodProgressReportEntity).find({
      where: { jurisdictionId: scope.jurisdictionId, voteId: In(voteIds) },
      order: { reportedAt: 'ASC', id: 'ASC' },
    });
  }

  committeeReports(scope: TenantScope, voteIds: string[]): Promise<LivelihoodCommitteeReportEntity[]> {
    if (voteIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(LivelihoodCommitteeReportEntity).find({
      where: { jurisdictionId: scope.jurisdictionId, voteId: In(voteIds) },
      order: { reportedAt: 'ASC', id: 'ASC' },
    });
  }

  /** Candidates among `ids` with what the satisfaction vote needs to know: the vote's state and whether they were chosen and scored. */
  async scoreFacts(scope: TenantScope, ids: string[], manager: EntityManager = this.dataSource.manager) {
    const rows: Array<{ id: string; voteId: string; position: number; title: string; voteState: string; outcome: string | null; projects: Array<{ id: string; score: unknown }> | null }> =
      await manager.query(
        `SELECT c.id, c.vote_id AS "voteId", c.position, c.title, v.state AS "voteState", c.outcome, i.snapshot #> '{context,projects}' AS projects
           FROM livelihood_candidates c JOIN livelihood_votes v ON v.id = c.vote_id JOIN workflow_instances i ON i.id = v.id
          WHERE c.jurisdiction_id = $1 AND c.id = ANY($2::uuid[])`,
        [scope.jurisdictionId, ids],
      );
    return rows.map(({ projects, ...row }) => ({ ...row, scored: (projects ?? []).some((p) => p.id === row.id && p.score !== null) }));
  }

  async voteIdOf(manager: EntityManager, candidateId: string): Promise<string | null> {
    const rows: Array<{ voteId: string }> = await manager.query('SELECT vote_id AS "voteId" FROM livelihood_candidates WHERE id = $1', [candidateId]);
    return rows[0]?.voteId ?? null;
  }

}
