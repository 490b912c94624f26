import { Controller, Get, Header, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/accounts';
import { ListAnnouncementsQueryDto } from '../dtos/announcement.dto';
import { AnnouncementService } from '../services/announcement.service';
import { renderAnnouncementDocx } from '../utils/announcement-docx.util';
import { renderAnnouncementHtml } from '../utils/announcement.util';

const uuid = new ParseUUIDPipe();

@ApiTags('public')
@Public()
@Controller('public/vote-announcements')
export class PublicAnnouncementController {
  constructor(private readonly announcements: AnnouncementService) {}

  @Get()
  @ApiOperation({ summary: "A jurisdiction's published vote announcements (公告), newest first, each with its page and .docx" })
  list(@Query() query: ListAnnouncementsQueryDto) {
    return this.announcements.list(query.jurisdiction);
  }

  @Get(':id')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'A published vote announcement (公告) as an HTML page' })
  async html(@Param('id', uuid) id: string): Promise<string> {
    return renderAnnouncementHtml(await this.announcements.getPublishedOrFail(id));
  }

  @Get(':id/docx')
  @Header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  @ApiOperation({ summary: 'The same announcement as a .docx download' })
  async docx(@Param('id', uuid) id: string): Promise<StreamableFile> {
    const announcement = await this.announcements.getPublishedOrFail(id);
    const file = await renderAnnouncementDocx(announcement);
    return new StreamableFile(file, { disposition: `attachment; filename="vote-announcement-${id}.docx"` });
  }
}
