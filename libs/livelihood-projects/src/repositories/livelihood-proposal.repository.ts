import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ProposalStatus } from '../constants/livelihood.constant';
import { LivelihoodProposalEntity } from '../entities/livelihood-proposal.entity';
import type { TenantScope } from './livelihood.repository';

/** Projects proposed by the public, and the counts that limit anonymous submissions. */
@Injectable()
export class LivelihoodProposalRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Serialises submissions of one jurisdiction until the transaction ends, so that two at once cannot both slip
   * under a limit; then counts the client's and the jurisdiction's submissions since the given instants.
   */
  async lockAndCount(
    manager: EntityManager,
    scope: TenantScope,
    { clientKey, clientSince, jurisdictionSince }: { clientKey: string; clientSince: Date; jurisdictionSince: Date },
  ): Promise<{ client: number; jurisdiction: number }> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`livelihood-proposals_${scope.jurisdictionId}`]);
    const [row]: Array<{ client: number; jurisdiction: number }> = await manager.query(
      `SELECT count(*) FILTER (WHERE client_key = $2 AND submitted_at > $3)::int AS client,
              count(*) FILTER (WHERE submitted_at > $4)::int AS jurisdiction
         FROM livelihood_proposals WHERE jurisdiction_id = $1 AND submitted_at > least($3::timestamptz, $4::timestamptz)`,
      [scope.jurisdictionId, clientKey, clientSince, jurisdictionSince],
    );
    return row;
  }

  async insert(manager: EntityManager, proposal: Omit<LivelihoodProposalEntity, 'id'>): Promise<string> {
    const result = await manager.getRepository(LivelihoodProposalEntity).insert(proposal);
    return (result.identifiers[0] as { id: string }).id;
  }

  list(scope: TenantScope, status?: ProposalStatus): Promise<LivelihoodProposalEntity[]> {
    return this.dataSource.getRepository(LivelihoodProposalEntity).find({
      where: { jurisdictionId: scope.jurisdictionId, ...(status ? { status } : {}) },
      order: { submittedAt: 'DESC', id: 'ASC' },
    });
  }

  /** The proposal, locked until the adopting transaction ends (two adoptions of one proposal: the second sees it adopted). */
  lockForAdoption(manager: EntityManager, scope: TenantScope, id: string): Promise<LivelihoodProposalEntity | null> {
    return manager
      .getRepository(LivelihoodProposalEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id = :id AND p.jurisdiction_id = :jurisdictionId', { id, jurisdictionId: scope.jurisdictionId })
      .getOne();
  }

  async markAdopted(manager: EntityManager, id: string, adoption: { voteId: string; candidateId: string; adoptedBy: string; adoptedAt: Date }): Promise<void> {
    await manager.getRepository(LivelihoodProposalEntity).update(id, { status: ProposalStatus.ADOPTED, ...adoption });
  }
}
