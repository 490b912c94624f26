import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@app/accounts';
import {
  AgendaSuggestionsDto, CreateCouncilMeetingDto, DeferAgendaItemDto, RecordHearingDto, ReorderAgendaDto,
} from '../dtos/council-meeting.dto';
import { CouncilMeetingService } from '../services/council-meeting.service';

const uuid = new ParseUUIDPipe();

@ApiTags('council meetings')
@ApiBearerAuth()
@Controller('council-meetings')
export class CouncilMeetingController {
  constructor(private readonly service: CouncilMeetingService) {}

  @Post()
  @ApiOperation({ summary: 'Plan a council meeting with an ordered agenda of key suggestions (office)' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCouncilMeetingDto) {
    return this.service.create(user, body);
  }

  @Get()
  @ApiOperation({ summary: 'Council meetings, newest first, with items heard' })
  list(@CurrentUser() user: AuthUser) {
    return this.service.list(user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A meeting: agenda in order, heard and remaining, the next item' })
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.service.get(user, id);
  }

  @Post(':id/agenda')
  @ApiOperation({ summary: 'Append key suggestions to the agenda (office)' })
  addItems(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: AgendaSuggestionsDto) {
    return this.service.addItems(user, id, body);
  }

  @Put(':id/agenda/order')
  @ApiOperation({ summary: 'Reorder the agenda (office)' })
  reorder(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: ReorderAgendaDto) {
    return this.service.reorder(user, id, body);
  }

  @Post(':id/agenda/:itemId/hearing')
  @HttpCode(200)
  @ApiOperation({ summary: "Record an item's hearing: reporter, report, attachments, the council's opinion (council member, office)" })
  hear(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('itemId', uuid) itemId: string, @Body() body: RecordHearingDto) {
    return this.service.recordHearing(user, id, itemId, body);
  }

  @Post(':id/agenda/:itemId/defer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Defer a pending item to a later meeting (council member, office)' })
  defer(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('itemId', uuid) itemId: string, @Body() body: DeferAgendaItemDto) {
    return this.service.defer(user, id, itemId, body);
  }
}
