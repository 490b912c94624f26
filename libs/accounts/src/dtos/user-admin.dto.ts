import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Role } from '@app/workflows/common/actor';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../constants/auth-limits.constant';

/** Roles a person can be given; SYSTEM is the worker and never a person. */
export const ASSIGNABLE_ROLES = Object.values(Role).filter((role) => role !== Role.SYSTEM);

export class RolesDto {
  @ApiProperty({ enum: ASSIGNABLE_ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ASSIGNABLE_ROLES.length)
  @ArrayUnique()
  @IsIn(ASSIGNABLE_ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({ description: 'The deputy record; required with the DEPUTY role' })
  @IsOptional()
  @IsUUID()
  deputyId?: string | null;

  @ApiPropertyOptional({ description: 'The handling unit; required with UNIT_STAFF or UNIT_HEAD' })
  @IsOptional()
  @IsUUID()
  unitId?: string | null;
}

export class CreateUserDto extends RolesDto {
  @ApiProperty({ example: 'jtj-staff2' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{1,62}$/, { message: 'username must be 2–63 lower-case letters, digits, dot, dash or underscore' })
  username: string;

  @ApiProperty({ example: '交通运输局经办人' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName: string;

  @ApiPropertyOptional({ description: 'Initial password; when absent a temporary one is generated and returned once' })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;
}

export class ResetPasswordDto {
  @ApiPropertyOptional({ description: 'The temporary password; when absent one is generated and returned once' })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword?: string;
}

export class ListUsersQueryDto {
  @IsOptional() @IsIn(ASSIGNABLE_ROLES) role?: Role;
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean() active?: boolean;
  @IsOptional() @IsString() @MaxLength(100) search?: string;
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(500) limit: number = 100;
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(0) offset: number = 0;
}

export class ListAuditQueryDto {
  @IsOptional() @IsString() @MaxLength(64) eventType?: string;
  @IsOptional() @IsUUID() userId?: string;
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(500) limit: number = 100;
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(0) offset: number = 0;
}

export class UserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  deputyId: string | null;
  unitId: string | null;
  active: boolean;
  mustChangePassword: boolean;
  passwordChangedAt: Date | null;
  createdAt: Date;
}
