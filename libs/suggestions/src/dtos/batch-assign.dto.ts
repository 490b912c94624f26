import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsObject, IsUUID, ValidateNested } from 'class-validator';
import { AssignDto } from './suggestion-event.dto';

/** 交办会: many suggestions assigned in one request, in one transaction, sharing one deadline. */
export class BatchAssignDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20_000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  suggestionIds: string[];

  @ApiProperty({ type: AssignDto })
  // ValidateNested alone lets a missing assignment or an array through (an array validates element by element).
  @IsObject()
  @ValidateNested()
  @Type(() => AssignDto)
  assignment: AssignDto;
}
