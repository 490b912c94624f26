import { Controller, Delete, Get, HttpCode, Param, Post, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@app/accounts';
import { UuidParamDto } from '@app/persistence';
import { AttachmentUpload } from '../decorators/attachment-upload.decorator';
import { AttachmentParamDto } from '../dtos/attachment-param.dto';
import { AttachmentService, type UploadedAttachment } from '../services/attachment.service';
import { attachmentDisposition } from '../utils/content-disposition.util';

@ApiTags('suggestions')
@ApiBearerAuth()
@Controller('suggestions/:id/attachments')
export class AttachmentController {
  constructor(private readonly attachments: AttachmentService) {}

  @Post()
  @AttachmentUpload()
  @ApiOperation({ summary: 'Attach a file to a draft (lead deputy): pdf, doc/docx, xls/xlsx, jpg/png or txt, checked by extension and content' })
  add(@CurrentUser() user: AuthUser, @Param() { id }: UuidParamDto, @UploadedFile() file: UploadedAttachment | undefined) {
    return this.attachments.add(user, id, file);
  }

  @Get()
  @ApiOperation({ summary: "The suggestion's attachments, for whoever may read it (never on the public portal)" })
  list(@CurrentUser() user: AuthUser, @Param() { id }: UuidParamDto) {
    return this.attachments.list(user, id);
  }

  @Get(':attachmentId')
  @ApiOperation({ summary: 'Download one attachment under its own (UTF-8) file name' })
  async download(@CurrentUser() user: AuthUser, @Param() { id, attachmentId }: AttachmentParamDto): Promise<StreamableFile> {
    const { attachment, stream, size } = await this.attachments.open(user, id, attachmentId);
    return new StreamableFile(stream, { type: attachment.contentType, length: size, disposition: attachmentDisposition(attachment.fileName) });
  }

  @Delete(':attachmentId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an attachment while the suggestion is a draft (lead deputy)' })
  remove(@CurrentUser() user: AuthUser, @Param() { id, attachmentId }: AttachmentParamDto): Promise<void> {
    return this.attachments.remove(user, id, attachmentId);
  }
}
