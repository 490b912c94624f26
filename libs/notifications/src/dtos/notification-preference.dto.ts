import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, Matches, ValidateIf } from 'class-validator';
import { NotificationChannel } from '../entities/notification-preference.entity';

/** Mainland mobile numbers, optionally with +86. */
const MOBILE_PATTERN = /^(\+86)?1[3-9]\d{9}$/;

export class UpdateNotificationPreferenceDto {
  @ApiProperty({ enum: NotificationChannel, isArray: true, description: 'External channels besides the in-app inbox (always on)' })
  @IsArray()
  @ArrayUnique()
  @IsIn(Object.values(NotificationChannel), { each: true })
  channels: NotificationChannel[];

  @ApiPropertyOptional({ nullable: true, example: 'zhang@example.cn' })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @IsEmail()
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '13800138000' })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @Matches(MOBILE_PATTERN, { message: 'phone must be a mainland mobile number such as 13800138000' })
  phone?: string | null;

  @ApiPropertyOptional({ default: false, description: 'One message a day (from DIGEST_HOUR) instead of one per notification' })
  @IsOptional()
  @IsBoolean()
  digest?: boolean;
}

export class NotificationPreferenceDto {
  @ApiProperty({ enum: NotificationChannel, isArray: true }) channels: NotificationChannel[];
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty() digest: boolean;
  @ApiProperty({ description: 'Channels this installation can send on (configured SMTP / SMS gateway)', enum: NotificationChannel, isArray: true })
  available: NotificationChannel[];
}
