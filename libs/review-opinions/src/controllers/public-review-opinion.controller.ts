import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/accounts';
import { PublicReviewOpinionService } from '../services/public-review-opinion.service';

const uuid = new ParseUUIDPipe();

/**
 * 网上公开 of review opinions: every assigned list (handling, reported or done) with its opinions and units, how
 * far each is closed, the reports the office accepted, the written report once submitted and the published scores;
 * free texts redacted. Drafts and cancelled lists are not shown.
 */
@ApiTags('public')
@Public()
@Controller('public/:jurisdiction/review-opinions')
export class PublicReviewOpinionController {
  constructor(private readonly service: PublicReviewOpinionService) {}

  @Get()
  @ApiOperation({ summary: 'Assigned review-opinion lists: items, units, closure status, accepted reports, the written report and scores' })
  list(@Param('jurisdiction') code: string) {
    return this.service.list(code);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One assigned review-opinion list in its public form' })
  get(@Param('jurisdiction') code: string, @Param('id', uuid) id: string) {
    return this.service.get(code, id);
  }
}
