import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@app/persistence';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Stable per delivery: a re-send after a crash carries the same Message-ID, so mail systems can drop the repeat. */
  deliveryKey: string;
}

/** E-mail over SMTP (nodemailer). Disabled when SMTP_URL is unset. */
@Injectable()
export class MailSender implements OnModuleDestroy {
  private transport: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.SMTP_URL);
  }

  async send(mail: OutgoingMail): Promise<string> {
    if (!this.config.SMTP_URL) throw new Error('E-mail is not configured (SMTP_URL)');
    this.transport ??= createTransport(this.config.SMTP_URL, { from: this.config.MAIL_FROM });
    const messageId = `<${mail.deliveryKey}@jianyi>`;
    await this.transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, messageId, headers: { 'X-Jianyi-Delivery': mail.deliveryKey } });
    return messageId;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
