import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { AuthUser, Capability, CurrentUser, RequireCapability } from '@app/accounts';
import { Clock, UuidParamDto } from '@app/persistence';
import { NotificationException, NotificationExceptionCode, NotificationRepository } from '@app/notifications';
import { SuggestionService } from '../services/suggestion.service';

class NotificationQueryDto {
  @ApiPropertyOptional({ default: false }) @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() unreadOnly: boolean = false;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 }) @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(200) limit: number = 50;
  @ApiPropertyOptional({ default: 0, minimum: 0 }) @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(0) offset: number = 0;
}

@ApiTags('inbox')
@ApiBearerAuth()
@Controller()
export class InboxController {
  constructor(
    private readonly suggestions: SuggestionService,
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  @Get('inbox')
  @RequireCapability(Capability.READ_UNIT_INBOX)
  @ApiOperation({ summary: "A handling unit's open work, overdue first, then by nearest deadline" })
  inbox(@CurrentUser() user: AuthUser) {
    return this.suggestions.unitInbox(user);
  }

  @Get('notifications')
  @ApiOperation({ summary: "The caller's in-app notifications, newest first" })
  async list(@CurrentUser() user: AuthUser, @Query() query: NotificationQueryDto) {
    const [items, total] = await this.notifications.listForUser(user, query);
    return { items, total };
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  async markRead(@CurrentUser() user: AuthUser, @Param() { id }: UuidParamDto, @Body() _body: unknown) {
    if (!(await this.notifications.markRead(user, id, this.clock.now()))) {
      throw new NotificationException(NotificationExceptionCode.NOTIFICATION_NOT_FOUND, 'Notification not found');
    }
  }
}
