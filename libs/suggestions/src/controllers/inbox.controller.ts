import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { AuthUser, CurrentUser } from '@app/accounts';
import { Clock } from '@app/persistence';
import { NotificationException, NotificationExceptionCode, NotificationRepository } from '@app/notifications';
import { SuggestionService } from '../services/suggestion.service';

class NotificationQueryDto {
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() unreadOnly: boolean = false;
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(1) @Max(200) limit: number = 50;
  @IsOptional() @Transform(({ value }) => Number(value)) @IsInt() @Min(0) offset: number = 0;
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
  async markRead(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() _body: unknown) {
    if (!(await this.notifications.markRead(user, id, this.clock.now()))) {
      throw new NotificationException(NotificationExceptionCode.NOTIFICATION_NOT_FOUND, 'Notification not found');
    }
  }
}
