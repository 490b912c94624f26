import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { updatedRows } from '@app/persistence';
import type { CandidateApprovals } from '@app/workflows/livelihood-vote';

interface TenantScope {
  jurisdictionId: string;
}

interface Round {
  voteId: string;
  round: number;
}

/**
 * Entitlements and the two halves of the secret approval ballot: receipts (who) and tallies (what), per round.
 * Writes run inside the caller's transaction.
 */
@Injectable()
export class LivelihoodBallotRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every deputy who may vote (active, with an active account; one account per deputy) and how many deputies there are. */
  async deputiesAtOpening(manager: EntityManager, scope: TenantScope): Promise<{ voterUserIds: string[]; electorate: number }> {
    const voters: Array<{ id: string }> = await manager.query(
      `SELECT DISTINCT ON (u.deputy_id) u.id FROM users u JOIN deputies d ON d.id = u.deputy_id
        WHERE u.jurisdiction_id = $1 AND d.jurisdiction_id = $1 AND u.active AND d.active AND 'DEPUTY' = ANY(u.roles)
        ORDER BY u.deputy_id, u.id`,
      [scope.jurisdictionId],
    );
    const [{ count }]: Array<{ count: number }> = await manager.query('SELECT count(*)::int AS count FROM deputies WHERE jurisdiction_id = $1 AND active', [
      scope.jurisdictionId,
    ]);
    return { voterUserIds: voters.map((v) => v.id), electorate: count };
  }

  /** OPEN / OPEN_RUNOFF: who may vote in the round, and an empty counter per candidate on its ballot. */
  async fixEntitledVoters(manager: EntityManager, scope: TenantScope, round: Round, voters: string[], candidateIds: string[]): Promise<void> {
    await manager.query(
      `INSERT INTO livelihood_ballot_entitlements (vote_id, round, voter_user_id, jurisdiction_id)
       SELECT $1, $2, voter, $3 FROM unnest($4::uuid[]) AS voter`,
      [round.voteId, round.round, scope.jurisdictionId, voters],
    );
    await manager.query(
      `INSERT INTO livelihood_ballot_tallies (vote_id, round, candidate_id, jurisdiction_id)
       SELECT $1, $2, candidate, $3 FROM unnest($4::uuid[]) AS candidate`,
      [round.voteId, round.round, scope.jurisdictionId, candidateIds],
    );
  }

  async isEntitled(manager: EntityManager, round: Round, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM livelihood_ballot_entitlements WHERE vote_id = $1 AND round = $2 AND voter_user_id = $3',
      [round.voteId, round.round, userId],
    );
    return rows.length === 1;
  }

  /** The voter's receipt for the round; false when they had returned a ballot already (nothing is written then). */
  async insertReceipt(manager: EntityManager, scope: TenantScope, round: Round, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO livelihood_ballot_receipts (vote_id, round, voter_user_id, jurisdiction_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING voter_user_id`,
      [round.voteId, round.round, userId, scope.jurisdictionId],
    );
    return rows.length === 1;
  }

  /** Adds one approval per candidate, in candidate-id order so that concurrent ballots lock counters alike and never deadlock. */
  async addApprovals(manager: EntityManager, round: Round, candidateIds: string[]): Promise<void> {
    for (const candidateId of [...candidateIds].sort()) {
      const changed = updatedRows(
        await manager.query(
          'UPDATE livelihood_ballot_tallies SET approvals = approvals + 1 WHERE vote_id = $1 AND round = $2 AND candidate_id = $3 RETURNING 1',
          [round.voteId, round.round, candidateId],
        ),
      );
      if (changed.length !== 1) throw new Error(`No tally for candidate ${candidateId} in round ${round.round}`);
    }
  }

  /**
   * CLOSE: the final counters and the ballots returned; the counters are deleted, so no row holding approvals keeps
   * a voter's transaction id (PostgreSQL's xmin) once the round is closed. The counts live on in the CLOSE event.
   */
  async takeTallies(manager: EntityManager, round: Round): Promise<{ tallies: CandidateApprovals[]; ballotsReturned: number }> {
    const tallies = updatedRows<CandidateApprovals>(
      await manager.query(
        `DELETE FROM livelihood_ballot_tallies WHERE vote_id = $1 AND round = $2 RETURNING candidate_id AS "candidateId", approvals`,
        [round.voteId, round.round],
      ),
    );
    const [{ count }]: Array<{ count: number }> = await manager.query(
      'SELECT count(*)::int AS count FROM livelihood_ballot_receipts WHERE vote_id = $1 AND round = $2',
      [round.voteId, round.round],
    );
    return { tallies, ballotsReturned: count };
  }

  /** Entitled voters and ballots returned in a round, and whether this user returned one: never a choice. */
  async turnout(scope: TenantScope, round: Round, userId: string): Promise<{ entitled: number; returned: number; entitledMe: boolean; returnedMe: boolean }> {
    const [row]: Array<{ entitled: number; returned: number; entitledMe: boolean; returnedMe: boolean }> = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM livelihood_ballot_entitlements WHERE jurisdiction_id = $1 AND vote_id = $2 AND round = $3) AS entitled,
              (SELECT count(*)::int FROM livelihood_ballot_receipts WHERE jurisdiction_id = $1 AND vote_id = $2 AND round = $3) AS returned,
              EXISTS (SELECT 1 FROM livelihood_ballot_entitlements WHERE vote_id = $2 AND round = $3 AND voter_user_id = $4) AS "entitledMe",
              EXISTS (SELECT 1 FROM livelihood_ballot_receipts WHERE vote_id = $2 AND round = $3 AND voter_user_id = $4) AS "returnedMe"`,
      [scope.jurisdictionId, round.voteId, round.round, userId],
    );
    return row;
  }
}
