import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** A path `:id`: a malformed one is a 400 naming `id`; a well-formed one that names nothing is the service's 404. */
export class UuidParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}
