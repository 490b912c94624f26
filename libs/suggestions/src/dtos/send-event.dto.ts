import { ApiProperty } from '@nestjs/swagger';

/** Documentation shape of POST /suggestions/{id}/events; the payload is validated by its `type`. */
export class SendEventDto {
  @ApiProperty({ example: 'ACCEPT', description: 'Event type; the other fields depend on it (see the workflow docs)' })
  type: string;
  [field: string]: unknown;
}
