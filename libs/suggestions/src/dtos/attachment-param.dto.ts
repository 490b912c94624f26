import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { UuidParamDto } from '@app/persistence';

/** `/suggestions/:id/attachments/:attachmentId` */
export class AttachmentParamDto extends UuidParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  attachmentId: string;
}
