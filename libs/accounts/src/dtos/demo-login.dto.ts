import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class DemoLoginDto {
  @ApiProperty({ example: 'demo-county' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  jurisdictionCode: string;

  @ApiProperty({ example: 'office1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;
}
