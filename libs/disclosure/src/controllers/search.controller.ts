import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@app/accounts';
import { hasRole, Role } from '@app/workflows/common/actor';
import { SearchQueryDto, SimilarDraftDto } from '../dtos/search.dto';
import { DisclosureException, DisclosureExceptionCode } from '../exceptions/disclosure.exception';
import { SearchIndexService } from '../services/search-index.service';
import { SearchService } from '../services/search.service';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Staff search: the same read policy as the suggestion lists. */
@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(
    private readonly search: SearchService,
    private readonly index: SearchIndexService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Chinese full-text search over the suggestions the caller may see, ranked, with snippets' })
  searchStaff(@CurrentUser() user: AuthUser, @Query() query: SearchQueryDto) {
    return this.search.searchStaff(user, query);
  }

  @Post('similar')
  @HttpCode(200)
  @ApiOperation({ summary: 'While drafting: earlier suggestions (this or past sessions) most like this text' })
  similarToDraft(@CurrentUser() user: AuthUser, @Body() body: SimilarDraftDto) {
    return this.search.similarToDraft(user, body);
  }

  @Get('similar/:id')
  @ApiOperation({ summary: 'While reviewing: suggestions of this or past sessions most like this one (merge candidates)' })
  similarTo(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.search.similarToSuggestion(user, id);
  }

  @Post('reindex')
  @HttpCode(200)
  @ApiOperation({ summary: "Rebuild the jurisdiction's search index (office, admin)" })
  reindex(@CurrentUser() user: AuthUser) {
    if (!hasRole(user, Role.OFFICE, Role.ADMIN)) throw new DisclosureException(DisclosureExceptionCode.DISCLOSURE_FORBIDDEN, 'Only the office or an admin rebuilds the index');
    return this.index.reindexAll(user);
  }
}
