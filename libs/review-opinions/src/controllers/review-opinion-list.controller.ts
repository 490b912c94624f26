import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@app/accounts';
import { UuidParamDto } from '@app/persistence';
import { IdempotencyKey } from '@app/workflow-engine';
import { CreateReviewListDto } from '../dtos/create-review-list.dto';
import { ReviewFiguresQueryDto } from '../dtos/review-figures.query.dto';
import { ReviewOpinionService } from '../services/review-opinion.service';

const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', required: false, description: 'A repeat with the same key returns the first answer' };

@ApiTags('review-opinions')
@ApiBearerAuth()
@Controller('review-opinion-lists')
export class ReviewOpinionListController {
  constructor(private readonly service: ReviewOpinionService) {}

  @Post()
  @ApiOperation({ summary: 'Turn adopted review opinions into a list, each item with its unit (office)' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateReviewListDto) {
    return this.service.create(user, body);
  }

  @Get()
  @ApiOperation({ summary: 'Lists the caller may see: all for the office and standing committee, a unit its own' })
  list(@CurrentUser() user: AuthUser) {
    return this.service.list(user);
  }

  @Get('figures')
  @ApiOperation({ summary: 'Items closed, closed on time, sent back and overdue per unit, for lists assigned in a year' })
  figures(@CurrentUser() user: AuthUser, @Query() query: ReviewFiguresQueryDto) {
    return this.service.figures(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One list with its items, open deadlines and the events the caller may send now' })
  get(@CurrentUser() user: AuthUser, @Param() { id }: UuidParamDto) {
    return this.service.get(user, id);
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'ASSIGN, REPORT_ITEM, CLOSE_ITEM (逐条销号), SEND_BACK_ITEM, SUBMIT_REPORT, CONCLUDE or CANCEL' })
  sendEvent(@CurrentUser() user: AuthUser, @Param() { id }: UuidParamDto, @Body() body: Record<string, unknown>, @IdempotencyKey() key?: string) {
    return this.service.sendEvent(user, id, body, key);
  }
}
