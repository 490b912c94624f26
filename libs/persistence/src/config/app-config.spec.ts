import { InvalidConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DEMO_MODE).toBe(false);
  });

  it('converts numbers and booleans', () => {
    const config = loadConfig({ PORT: '8080', DEMO_MODE: 'true' });
    expect(config.PORT).toBe(8080);
    expect(config.DEMO_MODE).toBe(true);
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', JWT_SECRET: 'short' })).toThrow(InvalidConfigError);
    try {
      loadConfig({ PORT: 'eighty', JWT_SECRET: 'short' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('JWT_SECRET must be at least 32 characters');
    }
  });

  it.each([
    [{ SMTP_URL: 'mail.example.cn' }, 'SMTP_URL must be an smtp:// or smtps:// URL'],
    [{ SMS_GATEWAY_URL: 'https://sms.example.cn/send' }, 'SMS_TEMPLATE_ID is required when SMS_GATEWAY_URL is set'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL must be a redis:// or rediss:// URL'],
    [{ QUEUE_BACKEND: 'kafka' }, 'QUEUE_BACKEND must be auto, redis or postgres'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS must be comma-separated http(s):// origins'],
    [{ MAIL_FROM: 'nobody' }, 'MAIL_FROM must be an e-mail address'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY must be the number of proxies'],
    [{ TRUST_PROXY: '0' }, 'TRUST_PROXY must be the number of proxies'],
    [{ TRUST_PROXY: 'loopback,10.0.0.300/8' }, 'TRUST_PROXY must be the number of proxies'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY must be the number of proxies'],
  ])('names the bad variable in %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each(['1', 'loopback', 'loopback, 10.0.0.0/8', '192.168.1.10,fd00::/8'])('accepts TRUST_PROXY=%s', (value) => {
    expect(loadConfig({ TRUST_PROXY: value }).TRUST_PROXY).toBe(value);
  });

  it('accepts a clock offset only in demo mode', () => {
    expect(loadConfig({}).CLOCK_OFFSET_DAYS).toBe(0);
    expect(loadConfig({ DEMO_MODE: 'true', CLOCK_OFFSET_DAYS: '4.5' }).CLOCK_OFFSET_DAYS).toBe(4.5);
    expect(() => loadConfig({ CLOCK_OFFSET_DAYS: '4.5' })).toThrow('CLOCK_OFFSET_DAYS requires DEMO_MODE=true');
    expect(() => loadConfig({ DEMO_MODE: 'false', CLOCK_OFFSET_DAYS: '1' })).toThrow('CLOCK_OFFSET_DAYS requires DEMO_MODE=true');
    expect(() => loadConfig({ DEMO_MODE: 'true', CLOCK_OFFSET_DAYS: 'soon' })).toThrow('CLOCK_OFFSET_DAYS must be a number of days');
    expect(() => loadConfig({ DEMO_MODE: 'true', CLOCK_OFFSET_DAYS: '-1' })).toThrow('CLOCK_OFFSET_DAYS must not be less than 0');
  });

  it('leaves REDIS_URL, SMTP and SMS unset by default (auto queue backend, channels off)', () => {
    const config = loadConfig({});
    expect([config.REDIS_URL, config.SMTP_URL, config.SMS_GATEWAY_URL, config.QUEUE_BACKEND]).toEqual([undefined, undefined, undefined, 'auto']);
  });
});
