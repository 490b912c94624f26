import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { Clock, invalidInput } from '@app/persistence';
import { NotificationChannel } from '../entities/notification-preference.entity';
import { NotificationPreferenceDto, UpdateNotificationPreferenceDto } from '../dtos/notification-preference.dto';
import { NotificationPreferenceRepository } from '../repositories/notification-preference.repository';
import { MailSender } from './mail-sender.service';
import { SmsGateway } from './sms-gateway.service';

/** Each user's own channel choices. */
@Injectable()
export class NotificationPreferenceService {
  constructor(
    private readonly preferences: NotificationPreferenceRepository,
    private readonly mail: MailSender,
    private readonly sms: SmsGateway,
    private readonly clock: Clock,
  ) {}

  async get(user: AuthUser): Promise<NotificationPreferenceDto> {
    const found = await this.preferences.find(user);
    return this.toDto(found ?? { channels: [], email: null, phone: null, digest: false });
  }

  async update(user: AuthUser, dto: UpdateNotificationPreferenceDto): Promise<NotificationPreferenceDto> {
    const current = await this.preferences.find(user);
    const next = {
      channels: dto.channels,
      email: dto.email === undefined ? (current?.email ?? null) : dto.email,
      phone: dto.phone === undefined ? (current?.phone ?? null) : dto.phone,
      digest: dto.digest ?? current?.digest ?? false,
    };
    const problems = [
      ...(next.channels.includes(NotificationChannel.EMAIL) && !next.email ? [{ field: 'email', reason: 'is required to receive e-mail' }] : []),
      ...(next.channels.includes(NotificationChannel.SMS) && !next.phone ? [{ field: 'phone', reason: 'is required to receive SMS' }] : []),
    ];
    if (problems.length > 0) throw invalidInput(problems);
    return this.toDto(await this.preferences.save(user, { ...next, updatedAt: this.clock.now() }));
  }

  private toDto(row: { channels: NotificationChannel[]; email: string | null; phone: string | null; digest: boolean }): NotificationPreferenceDto {
    const available = [...(this.mail.enabled ? [NotificationChannel.EMAIL] : []), ...(this.sms.enabled ? [NotificationChannel.SMS] : [])];
    return { channels: row.channels, email: row.email, phone: row.phone, digest: row.digest, available };
  }
}
