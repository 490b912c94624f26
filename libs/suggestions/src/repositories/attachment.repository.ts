import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { TenantScope } from '@app/accounts';
import { SuggestionAttachmentEntity } from '../entities/suggestion-attachment.entity';

/** Attachment rows of one jurisdiction: every method takes the tenant scope. */
@Injectable()
export class AttachmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, row: SuggestionAttachmentEntity): Promise<void> {
    await manager.getRepository(SuggestionAttachmentEntity).insert(row);
  }

  count(manager: EntityManager, scope: TenantScope, suggestionId: string): Promise<number> {
    return manager.getRepository(SuggestionAttachmentEntity).countBy({ jurisdictionId: scope.jurisdictionId, suggestionId });
  }

  list(scope: TenantScope, suggestionId: string): Promise<SuggestionAttachmentEntity[]> {
    return this.dataSource.getRepository(SuggestionAttachmentEntity).find({
      where: { jurisdictionId: scope.jurisdictionId, suggestionId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  find(scope: TenantScope, suggestionId: string, id: string): Promise<SuggestionAttachmentEntity | null> {
    return this.dataSource.getRepository(SuggestionAttachmentEntity).findOneBy({ jurisdictionId: scope.jurisdictionId, suggestionId, id });
  }

  /** Deletes the row and answers what it held, or null when there was none. */
  async delete(manager: EntityManager, scope: TenantScope, suggestionId: string, id: string): Promise<SuggestionAttachmentEntity | null> {
    const repository = manager.getRepository(SuggestionAttachmentEntity);
    const row = await repository.findOneBy({ jurisdictionId: scope.jurisdictionId, suggestionId, id });
    if (row) await repository.delete({ id: row.id });
    return row;
  }
}
