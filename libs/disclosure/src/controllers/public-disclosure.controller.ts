import { Controller, Get, Header, Param, ParseIntPipe, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/accounts';
import { SearchQueryDto } from '../dtos/search.dto';
import { OpenDataQueryDto, PublicListQueryDto } from '../dtos/public-list.query.dto';
import { PublicDisclosureService } from '../services/public-disclosure.service';
import { SearchService } from '../services/search.service';

const uuid = new ParseUUIDPipe({ version: '4' });

/** 网上公开: anyone may read what was published, redacted; nothing else of a suggestion is reachable here. */
@ApiTags('public')
@Public()
@Controller('public/:jurisdiction')
export class PublicDisclosureController {
  constructor(
    private readonly disclosure: PublicDisclosureService,
    private readonly search: SearchService,
  ) {}

  @Get('filters')
  @ApiOperation({ summary: 'Sessions, years, categories, units and classifications to filter by' })
  filters(@Param('jurisdiction') code: string) {
    return this.disclosure.facets(code);
  }

  @Get('suggestions')
  @ApiOperation({ summary: 'Disclosed suggestions with replies, filtered by session, category, unit, classification, year' })
  list(@Param('jurisdiction') code: string, @Query() query: PublicListQueryDto) {
    return this.disclosure.list(code, query);
  }

  @Get('suggestions/:id')
  @ApiOperation({ summary: 'One disclosed suggestion' })
  get(@Param('jurisdiction') code: string, @Param('id', uuid) id: string) {
    return this.disclosure.get(code, id);
  }

  @Get('sessions/:sessionId/suggestions/:number')
  @ApiOperation({ summary: 'A disclosed suggestion by its number in a session (第N号)' })
  byNumber(@Param('jurisdiction') code: string, @Param('sessionId', uuid) sessionId: string, @Param('number', ParseIntPipe) number: number) {
    return this.disclosure.getByNumber(code, sessionId, number);
  }

  @Get('search')
  @ApiOperation({ summary: 'Chinese full-text search over disclosed suggestions, ranked, with highlighted snippets' })
  searchPublic(@Param('jurisdiction') code: string, @Query() query: SearchQueryDto) {
    return this.search.searchPublic(code, query);
  }

  @Get('open-data/schema')
  @ApiOperation({ summary: 'The documented schema of the open-data downloads' })
  schema() {
    return this.disclosure.openDataSchema();
  }

  @Get('open-data/suggestions.json')
  @Header('Content-Disposition', 'attachment; filename="disclosed-suggestions.json"')
  @ApiOperation({ summary: 'Open data: every disclosed suggestion as JSON' })
  openDataJson(@Param('jurisdiction') code: string, @Query() query: OpenDataQueryDto) {
    return this.disclosure.openDataJson(code, query);
  }

  @Get('open-data/suggestions.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="disclosed-suggestions.csv"')
  @ApiOperation({ summary: 'Open data: every disclosed suggestion as CSV (UTF-8 with BOM)' })
  openDataCsv(@Param('jurisdiction') code: string, @Query() query: OpenDataQueryDto) {
    return this.disclosure.openDataCsv(code, query);
  }
}
