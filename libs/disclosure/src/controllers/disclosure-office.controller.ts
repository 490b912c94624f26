import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@app/accounts';
import { MarkRedactionDto } from '../dtos/redaction.dto';
import { RedactionService } from '../services/redaction.service';

const uuid = new ParseUUIDPipe({ version: '4' });

/** The office prepares publication: pending decisions, passages to hide, and a preview of the public version. */
@ApiTags('disclosure')
@ApiBearerAuth()
@Controller('disclosure')
export class DisclosureOfficeController {
  constructor(private readonly redactions: RedactionService) {}

  @Get('pending')
  @ApiOperation({ summary: 'Suggestions awaiting the disclosure decision, soonest DISCLOSURE deadline first (office)' })
  pending(@CurrentUser() user: AuthUser) {
    return this.redactions.pending(user);
  }

  @Get('suggestions/:id/preview')
  @ApiOperation({ summary: 'The public version as it would be published now, with redaction counts (office)' })
  preview(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.redactions.preview(user, id);
  }

  @Get('suggestions/:id/redactions')
  @ApiOperation({ summary: 'Passages the office marked to hide (office)' })
  list(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.redactions.list(user, id);
  }

  @Post('suggestions/:id/redactions')
  @ApiOperation({ summary: 'Mark a passage to hide; answers with the new preview (office)' })
  mark(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: MarkRedactionDto) {
    return this.redactions.mark(user, id, body);
  }

  @Delete('suggestions/:id/redactions/:markId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove a mark (recorded, not deleted); answers with the new preview (office)' })
  unmark(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('markId', uuid) markId: string) {
    return this.redactions.unmark(user, id, markId);
  }
}
