import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** A reply classification, e.g. `{ code: 'A', label: '解决或基本解决' }`; codes may be 甲/乙/丙 elsewhere. */
export class Classification {
  @IsString()
  @IsNotEmpty()
  @MaxLength(8)
  code: string;

  @IsString()
  @IsNotEmpty()
  label: string;
}
