import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/accounts';
import { ReviewOpinionService } from '../services/review-opinion.service';

/**
 * 网上公开 of review opinions: every concluded list (all items closed, the written report made and, where scored,
 * passed). Lists still in handling are not shown: an item's report may yet be sent back.
 */
@ApiTags('public')
@Public()
@Controller('public/:jurisdiction/review-opinions')
export class PublicReviewOpinionController {
  constructor(private readonly service: ReviewOpinionService) {}

  @Get()
  @ApiOperation({ summary: 'Concluded review-opinion lists with their items, units, how each was closed, and the report' })
  list(@Param('jurisdiction') code: string) {
    return this.service.publicLists(code);
  }
}
