import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, Capability, CurrentUser, RequireCapability } from '@app/accounts';
import {
  DeliveryQueryDto,
  NotificationDeliveryRepository,
  NotificationPreferenceDto,
  NotificationPreferenceService,
  UpdateNotificationPreferenceDto,
} from '@app/notifications';

/** Lives here, beside the inbox, because @app/notifications sits below @app/accounts (whose guard decorators it would need). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationPreferenceController {
  constructor(
    private readonly preferences: NotificationPreferenceService,
    private readonly deliveries: NotificationDeliveryRepository,
  ) {}

  @Get('preferences')
  @ApiOkResponse({ type: NotificationPreferenceDto })
  @ApiOperation({ summary: "The caller's notification channels (e-mail, SMS) and digest choice" })
  getPreferences(@CurrentUser() user: AuthUser) {
    return this.preferences.get(user);
  }

  @Put('preferences')
  @ApiOkResponse({ type: NotificationPreferenceDto })
  @ApiOperation({ summary: "Sets the caller's channels, addresses and digest choice" })
  updatePreferences(@CurrentUser() user: AuthUser, @Body() dto: UpdateNotificationPreferenceDto) {
    return this.preferences.update(user, dto);
  }

  @Get('deliveries')
  @RequireCapability(Capability.READ_DEPUTY_CONTACTS)
  @ApiOperation({ summary: 'E-mail and SMS deliveries of the jurisdiction (office, admin), e.g. ?status=FAILED after every retry' })
  async listDeliveries(@CurrentUser() user: AuthUser, @Query() query: DeliveryQueryDto) {
    const [items, total] = await this.deliveries.list(user, query);
    return { items, total };
  }
}
