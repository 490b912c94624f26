import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, Capability, CurrentUser, RequireCapability } from '@app/accounts';
import { UuidParamDto } from '@app/persistence';
import { IdempotencyKey } from '@app/workflow-engine';
import { CreateSuggestionDto } from '../dtos/create-suggestion.dto';
import { ListSuggestionsQueryDto } from '../dtos/list-suggestions.query.dto';
import { BatchAssignDto } from '../dtos/batch-assign.dto';
import { SendEventDto } from '../dtos/send-event.dto';
import { SuggestionService } from '../services/suggestion.service';

const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', required: false, description: 'A repeat with the same key returns the first answer' };

@ApiTags('suggestions')
@ApiBearerAuth()
@Controller('suggestions')
export class SuggestionController {
  constructor(private readonly service: SuggestionService) {}

  @Post()
  @RequireCapability(Capability.FILE_SUGGESTION)
  @ApiOperation({ summary: 'File a draft suggestion (deputy); co-signers are invited and must confirm' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateSuggestionDto) {
    return this.service.create(user, body);
  }

  @Get()
  @ApiOperation({ summary: 'Suggestions the caller may see, filtered and paged' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListSuggestionsQueryDto) {
    return this.service.list(user, query);
  }

  @Post('batch-assign')
  @RequireCapability(Capability.BATCH_ASSIGN)
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Assign many suggestions in one transaction (交办会); they share one deadline' })
  batchAssign(@CurrentUser() user: AuthUser, @Body() body: BatchAssignDto, @IdempotencyKey() key?: string) {
    return this.service.batchAssign(user, body, key);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One suggestion with its history, open deadlines and the events the caller may send now' })
  get(@CurrentUser() user: AuthUser, @Param() { id }: UuidParamDto) {
    return this.service.get(user, id);
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiBody({ type: SendEventDto })
  @ApiOperation({ summary: 'Send a workflow event; 409 lists the events the state accepts instead' })
  sendEvent(
    @CurrentUser() user: AuthUser,
    @Param() { id }: UuidParamDto,
    @Body() body: Record<string, unknown>,
    @IdempotencyKey() key?: string,
  ) {
    return this.service.sendEvent(user, id, body, key);
  }
}
