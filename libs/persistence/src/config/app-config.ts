import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

/** Environment variables the apps read. Validated once at start-up; every bad variable is named. */
export class EnvironmentVariables {
  @IsString()
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/jianyi';

  @IsString()
  REDIS_URL: string = 'redis://127.0.0.1:6379';

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

  @IsInt()
  @Min(0)
  @Max(65535)
  @Transform(({ value }) => Number(value))
  PORT: number = 3000;

  @IsString()
  @IsOptional()
  QUEUE_PREFIX: string = 'jianyi';

  @IsInt()
  @Min(1000)
  @Transform(({ value }) => Number(value))
  RECONCILE_INTERVAL_MS: number = 60000;

  @IsIn(['debug', 'log', 'warn', 'error'])
  LOG_LEVEL: 'debug' | 'log' | 'warn' | 'error' = 'log';
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
