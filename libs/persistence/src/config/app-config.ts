import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, isIP, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateBy, ValidateIf, validateSync } from 'class-validator';

const URL_OF = (schemes: string) => new RegExp(`^(${schemes})://[^\\s]+$`);

/** Express's names for address ranges, accepted in TRUST_PROXY beside addresses and CIDR ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** A number of proxy hops, or a comma-separated list of proxy addresses, CIDR ranges or range names. */
function isTrustedProxyList(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (/^\d+$/.test(value)) return Number(value) >= 1 && Number(value) <= 10;
  return value.split(',').every((entry) => {
    const [address, prefix, ...rest] = entry.trim().split('/');
    if (PROXY_RANGE_NAMES.includes(address) && prefix === undefined) return true;
    const version = isIP(address, 4) ? 4 : isIP(address, 6) ? 6 : 0;
    if (version === 0 || rest.length > 0) return false;
    return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
  });
}

/** Environment variables the apps read. Validated once at start-up; every bad variable is named. */
export class EnvironmentVariables {
  @IsString()
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/jianyi';

  /** Unset: Redis on the default port if one answers, else the queues live in PostgreSQL (see resolveQueueBackend). */
  @IsOptional()
  @Matches(URL_OF('redis|rediss'), { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsIn(['auto', 'redis', 'postgres'], { message: 'QUEUE_BACKEND must be auto, redis or postgres' })
  QUEUE_BACKEND: 'auto' | 'redis' | 'postgres' = 'auto';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string = 'jianyi-development-secret-change-me-0123456789';

  @IsInt()
  @Min(60)
  @Max(86400)
  @Transform(({ value }) => Number(value))
  ACCESS_TOKEN_TTL_SECONDS: number = 3600;

  @IsBoolean()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  DEMO_MODE: boolean = false;

  /**
   * Demo and test only: moves the clock of the api and the worker this many days ahead (fractions allowed), so a
   * demo can show reminders and overdue items without waiting. Refused unless DEMO_MODE=true.
   */
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'CLOCK_OFFSET_DAYS must be a number of days' })
  @Min(0)
  @Max(3650)
  @ValidateBy({
    name: 'onlyInDemoMode',
    validator: {
      validate: (value, args) => value === 0 || (args?.object as EnvironmentVariables).DEMO_MODE === true,
      defaultMessage: () => 'CLOCK_OFFSET_DAYS requires DEMO_MODE=true: a shifted clock is for demos and tests, never production',
    },
  })
  @Transform(({ value }) => Number(value))
  CLOCK_OFFSET_DAYS: number = 0;

  @IsInt()
  @Min(0)
  @Max(65535)
  @Transform(({ value }) => Number(value))
  PORT: number = 3000;

  /** Interface the api listens on; 0.0.0.0 behind a load balancer. */
  @IsString()
  HOST: string = '127.0.0.1';

  /** Jobs each worker process runs at once, per queue. */
  @IsInt()
  @Min(1)
  @Max(256)
  @Transform(({ value }) => Number(value))
  WORKER_CONCURRENCY: number = 8;

  /** How long a job's lock lasts; a job whose worker died is handed to another once it lapses. */
  @IsInt()
  @Min(1000)
  @Max(600000)
  @Transform(({ value }) => Number(value))
  JOB_LOCK_MS: number = 30000;

  @IsString()
  @IsOptional()
  QUEUE_PREFIX: string = 'jianyi';

  @IsInt()
  @Min(1000)
  @Transform(({ value }) => Number(value))
  RECONCILE_INTERVAL_MS: number = 60000;

  @IsIn(['debug', 'log', 'warn', 'error'])
  LOG_LEVEL: 'debug' | 'log' | 'warn' | 'error' = 'log';

  @IsIn(['json', 'text'], { message: 'LOG_FORMAT must be json or text' })
  LOG_FORMAT: 'json' | 'text' = 'json';

  /** Browser origins allowed to call the api, comma-separated; empty keeps CORS closed. */
  @IsOptional()
  @Matches(/^(https?:\/\/[^\s,]+)(,https?:\/\/[^\s,]+)*$/, { message: 'CORS_ORIGINS must be comma-separated http(s):// origins' })
  CORS_ORIGINS?: string;

  /**
   * Behind a load balancer or reverse proxy: the proxies whose X-Forwarded-For the api believes, as a number of hops or
   * their addresses (`loopback`, `10.0.0.0/8`, …). Unset, the header is ignored and the client is the socket's peer, so
   * nobody can choose the address that per-address limits count. `true` (believe anyone) is refused for that reason.
   */
  @IsOptional()
  @ValidateBy({
    name: 'isTrustedProxyList',
    validator: {
      validate: isTrustedProxyList,
      defaultMessage: () => 'TRUST_PROXY must be the number of proxies in front of the api (1–10) or their addresses, CIDR ranges or loopback/linklocal/uniquelocal, comma-separated',
    },
  })
  TRUST_PROXY?: string;

  /** How long the api drains requests and the worker its running jobs after SIGTERM. */
  @IsInt()
  @Min(0)
  @Max(600000)
  @Transform(({ value }) => Number(value))
  SHUTDOWN_TIMEOUT_MS: number = 15000;

  /** Base of the links in e-mail and SMS messages. */
  @Matches(URL_OF('http|https'), { message: 'PUBLIC_URL must be an http:// or https:// URL' })
  PUBLIC_URL: string = 'http://127.0.0.1:3000';

  /** e.g. smtp://user:pass@mail.example.cn:587 or smtps://…:465; unset disables the e-mail channel. */
  @IsOptional()
  @Matches(URL_OF('smtp|smtps'), { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsEmail({}, { message: 'MAIL_FROM must be an e-mail address' })
  MAIL_FROM: string = 'jianyi@localhost.localdomain';

  /** The provider's send endpoint; unset disables the SMS channel. */
  @IsOptional()
  @Matches(URL_OF('http|https'), { message: 'SMS_GATEWAY_URL must be an http:// or https:// URL' })
  SMS_GATEWAY_URL?: string;

  @ValidateIf((env: EnvironmentVariables) => Boolean(env.SMS_GATEWAY_URL))
  @IsString({ message: 'SMS_GATEWAY_KEY is required when SMS_GATEWAY_URL is set' })
  SMS_GATEWAY_KEY?: string;

  @ValidateIf((env: EnvironmentVariables) => Boolean(env.SMS_GATEWAY_URL))
  @IsString({ message: 'SMS_GATEWAY_SECRET is required when SMS_GATEWAY_URL is set' })
  SMS_GATEWAY_SECRET?: string;

  @ValidateIf((env: EnvironmentVariables) => Boolean(env.SMS_GATEWAY_URL))
  @IsString({ message: 'SMS_TEMPLATE_ID is required when SMS_GATEWAY_URL is set' })
  SMS_TEMPLATE_ID?: string;

  @IsOptional()
  @IsString()
  SMS_SIGN_NAME?: string;

  /** Tries per notification and channel before it is recorded as failed. */
  @IsInt()
  @Min(1)
  @Max(20)
  @Transform(({ value }) => Number(value))
  NOTIFY_MAX_ATTEMPTS: number = 5;

  /** First retry delay; each further retry waits twice as long. */
  @IsInt()
  @Min(10)
  @Max(3600000)
  @Transform(({ value }) => Number(value))
  NOTIFY_BACKOFF_MS: number = 30000;

  /** Local hour (jurisdiction time zone) at which daily digests go out. */
  @IsInt()
  @Min(0)
  @Max(23)
  @Transform(({ value }) => Number(value))
  DIGEST_HOUR: number = 8;

  /** Local files: suggestion attachments under DATA_DIR/attachments (and embedded PostgreSQL under DATA_DIR/postgres). */
  @IsString()
  @MinLength(1)
  DATA_DIR: string = '.data';

  /** Largest suggestion attachment, in MB; a larger upload is refused with 400. */
  @IsInt({ message: 'ATTACHMENT_MAX_MB must be a whole number of megabytes' })
  @Min(1)
  @Max(1024)
  @Transform(({ value }) => Number(value))
  ATTACHMENT_MAX_MB: number = 20;
}

export type AppConfig = Readonly<EnvironmentVariables>;

export class InvalidConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

/** Reads the given environment (process.env at start-up, a literal in tests) into a typed config. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(EnvironmentVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    throw new InvalidConfigError(
      errors.flatMap((error) => Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message}`)),
    );
  }
  return Object.freeze(config);
}
