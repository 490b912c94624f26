import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SuggestionsModule } from '@app/suggestions';
import { RedactionMarkEntity } from './entities/redaction-mark.entity';
import { SearchDocumentEntity } from './entities/search-document.entity';
import { DisclosureSourceRepository } from './repositories/disclosure-source.repository';
import { RedactionRepository } from './repositories/redaction.repository';
import { SearchRepository } from './repositories/search.repository';
import { PublicDisclosureService } from './services/public-disclosure.service';
import { PublicScopeService } from './services/public-scope.service';
import { RedactionService } from './services/redaction.service';
import { SearchIndexService } from './services/search-index.service';
import { SearchService } from './services/search.service';

/**
 * Disclosure and search without HTTP. The worker imports it too: events it applies (deadlines) pass through
 * the same projection listener, so the index never lags behind whichever process changed a suggestion.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SearchDocumentEntity, RedactionMarkEntity]), SuggestionsModule],
  providers: [
    DisclosureSourceRepository, RedactionRepository, SearchRepository, PublicScopeService, PublicDisclosureService,
    RedactionService, SearchIndexService, SearchService,
  ],
  exports: [PublicDisclosureService, RedactionService, SearchIndexService, SearchService],
})
export class DisclosureModule {}
