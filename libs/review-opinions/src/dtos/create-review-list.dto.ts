import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

export class ReviewItemInputDto {
  @ApiProperty({ description: 'The review opinion as adopted' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  content: string;

  @ApiProperty({ description: 'The unit that handles it (a department, the supervisory commission, court or procuratorate)' })
  @IsUUID()
  unitId: string;
}

/** A list of review opinions from one deliberated report; assigned later with the ASSIGN event. */
export class CreateReviewListDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ description: 'The report the standing committee deliberated' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  sourceReport: string;

  @ApiProperty({ description: 'The standing-committee meeting that adopted the opinions' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  meetingName: string;

  @ApiProperty({ description: 'The body whose written report on the whole list is due (usually the government)' })
  @IsUUID()
  reportingUnitId: string;

  @ApiProperty({ type: [ReviewItemInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReviewItemInputDto)
  items: ReviewItemInputDto[];
}
