import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@app/accounts';
import { DecideKeyProposalsDto, ListProposalsQueryDto, ProposeKeySuggestionsDto } from '../dtos/key-proposal.dto';
import { KeySuggestionService } from '../services/key-suggestion.service';

@ApiTags('key suggestions')
@ApiBearerAuth()
@Controller('key-suggestions')
export class KeySuggestionController {
  constructor(private readonly service: KeySuggestionService) {}

  @Post('proposals')
  @ApiOperation({ summary: 'Propose key suggestions with their leaders and topics (office)' })
  propose(@CurrentUser() user: AuthUser, @Body() body: ProposeKeySuggestionsDto) {
    return this.service.propose(user, body);
  }

  @Get('proposals')
  @ApiOperation({ summary: 'Key-suggestion proposals and decisions' })
  proposals(@CurrentUser() user: AuthUser, @Query() query: ListProposalsQueryDto) {
    return this.service.listProposals(user, query.status);
  }

  @Post('decisions')
  @HttpCode(200)
  @ApiOperation({ summary: 'The council approves (marks key, one transaction) or rejects proposals (council member)' })
  decide(@CurrentUser() user: AuthUser, @Body() body: DecideKeyProposalsDto) {
    return this.service.decide(user, body);
  }

  @Get()
  @ApiOperation({ summary: 'All key suggestions, grouped by topic, with their leaders and track' })
  list(@CurrentUser() user: AuthUser) {
    return this.service.list(user);
  }

  @Get('mine')
  @ApiOperation({ summary: "A leader's own key suggestions: progress, deadlines, contacts, replies, warnings (leaders)" })
  mine(@CurrentUser() user: AuthUser) {
    return this.service.mine(user);
  }
}
