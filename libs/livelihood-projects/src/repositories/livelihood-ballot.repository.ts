import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { addToShardsCtes, ballotCte, maskedShardRows, ShardedTally, shardedBallotParams } from '@app/meetings';
import type { CandidateApprovals } from '@app/workflows/livelihood-vote';

interface TenantScope {
  jurisdictionId: string;
}

interface Round {
  voteId: string;
  round: number;
}

/** A candidate's counter shards in a round: a ballot adds 1 (approved) or 0 to one random shard of each. */
const LIVELIHOOD_TALLY: ShardedTally = { table: 'livelihood_ballot_tallies', key: 'candidate_id', counters: ['approvals'] };

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

  /** OPEN / OPEN_RUNOFF: who may vote in the round, and empty counters per candidate on its ballot (masked shards summing to zero). */
  async fixEntitledVoters(manager: EntityManager, scope: TenantScope, round: Round, voters: string[], candidateIds: string[]): Promise<void> {
    await manager.query(
      `INSERT INTO livelihood_ballot_entitlements (vote_id, round, voter_user_id, jurisdiction_id)
       SELECT $1, $2, voter, $3 FROM unnest($4::uuid[]) AS voter`,
      [round.voteId, round.round, scope.jurisdictionId, voters],
    );
    const shards = maskedShardRows(candidateIds, LIVELIHOOD_TALLY.counters.length);
    await manager.query(
      `INSERT INTO livelihood_ballot_tallies (vote_id, round, jurisdiction_id, candidate_id, shard, approvals)
       SELECT $1, $2, $3, t.* FROM unnest($4::uuid[], $5::int[], $6::int[]) AS t`,
      [round.voteId, round.round, scope.jurisdictionId, shards.keys, shards.shards, ...shards.counters],
    );
  }

  async isEntitled(manager: EntityManager, round: Round, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM livelihood_ballot_entitlements WHERE vote_id = $1 AND round = $2 AND voter_user_id = $3',
      [round.voteId, round.round, userId],
    );
    return rows.length === 1;
  }

  /**
   * One ballot in one statement: the voter's receipt for the round (who) and, for every candidate on the round's
   * ballot, approved or not, a random shard of its counter (what) plus 1 or 0, locked in candidate order so concurrent
   * ballots never deadlock. Touching every candidate keeps the rows carrying this transaction's xmin from naming the
   * approved ones. Returns whether the receipt was new and the shards counted; the caller rolls back otherwise.
   */
  async castBallot(
    manager: EntityManager,
    scope: TenantScope,
    ballot: Round & { voterId: string; candidateIds: string[]; approvedIds: string[] },
  ): Promise<{ receipted: boolean; counted: number }> {
    const approved = new Set(ballot.approvedIds);
    const params = shardedBallotParams(LIVELIHOOD_TALLY, ballot.candidateIds.map((key) => ({ key, amounts: [approved.has(key) ? 1 : 0] })));
    const next = params.length + 1;
    const [row]: Array<{ receipted: boolean; counted: number }> = await manager.query(
      `WITH ${ballotCte(LIVELIHOOD_TALLY, 1)}, ${addToShardsCtes(LIVELIHOOD_TALLY, `t.vote_id = $${next} AND t.round = $${next + 1}`)},
            receipt AS (
              INSERT INTO livelihood_ballot_receipts (vote_id, round, voter_user_id, jurisdiction_id) VALUES ($${next}, $${next + 1}, $${next + 2}, $${next + 3})
              ON CONFLICT DO NOTHING RETURNING 1)
       SELECT EXISTS (SELECT 1 FROM receipt) AS receipted, (SELECT count(*)::int FROM counted) AS counted`,
      [...params, ballot.voteId, ballot.round, ballot.voterId, scope.jurisdictionId],
    );
    return row;
  }

  /**
   * CLOSE: the final counters (the sum of each candidate's shards) and the ballots returned; the counters are deleted,
   * so no row holding approvals keeps a voter's transaction id (PostgreSQL's xmin) once the round is closed. The counts
   * live on in the CLOSE event.
   */
  async takeTallies(manager: EntityManager, round: Round): Promise<{ tallies: CandidateApprovals[]; ballotsReturned: number }> {
    const tallies: CandidateApprovals[] = await manager.query(
      `WITH taken AS (DELETE FROM livelihood_ballot_tallies WHERE vote_id = $1 AND round = $2 RETURNING candidate_id, approvals)
       SELECT candidate_id AS "candidateId", sum(approvals)::int AS approvals FROM taken GROUP BY candidate_id`,
      [round.voteId, round.round],
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
