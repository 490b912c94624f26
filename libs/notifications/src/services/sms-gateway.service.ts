import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/persistence';

export interface OutgoingSms {
  phone: string;
  params: Record<string, string>;
  deliveryKey: string;
}

const GATEWAY_TIMEOUT_MS = 10_000;

/**
 * SMS through an HTTP gateway in the shape Chinese providers use: a POST with the sign name, a template id approved by
 * the provider, the template parameters and an out-id (our delivery key), authenticated with a key and secret.
 * A 2xx answer whose JSON `code` is absent, `OK` or `0` counts as accepted; anything else is a failure to retry.
 */
@Injectable()
export class SmsGateway {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.SMS_GATEWAY_URL);
  }

  async send(sms: OutgoingSms): Promise<string> {
    const { SMS_GATEWAY_URL: url, SMS_GATEWAY_KEY: key, SMS_GATEWAY_SECRET: secret } = this.config;
    if (!url) throw new Error('SMS is not configured (SMS_GATEWAY_URL)');
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}` },
      body: JSON.stringify({
        phoneNumbers: sms.phone,
        signName: this.config.SMS_SIGN_NAME ?? '',
        templateId: this.config.SMS_TEMPLATE_ID,
        templateParams: sms.params,
        outId: sms.deliveryKey,
      }),
      signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS),
    });
    const text = await response.text();
    const answer = parseJson(text);
    const code = answer?.code;
    if (!response.ok || (code !== undefined && code !== 'OK' && code !== 0 && code !== '0')) {
      throw new Error(`SMS gateway answered ${response.status}: ${text.slice(0, 200)}`);
    }
    return String(answer?.requestId ?? answer?.bizId ?? sms.deliveryKey);
  }
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
