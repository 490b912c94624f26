import { ConsoleLogger, LoggerService, LogLevel } from '@nestjs/common';
import { currentRequestId } from './request-context';

const LEVELS: LogLevel[] = ['debug', 'log', 'warn', 'error'];

/** Levels at and above the configured one, in Nest's vocabulary. */
export function logLevelsFrom(level: 'debug' | 'log' | 'warn' | 'error'): LogLevel[] {
  return LEVELS.slice(LEVELS.indexOf(level)).concat(level === 'debug' ? ['verbose'] : ['fatal']);
}

/**
 * One JSON object per line (time, level, context, message, requestId), so a log collector can follow a request
 * id from the HTTP request into every job it scheduled. `text` keeps Nest's coloured lines for development.
 */
export function createAppLogger({ format, level, app }: { format: 'json' | 'text'; level: 'debug' | 'log' | 'warn' | 'error'; app: string }): LoggerService {
  const levels = logLevelsFrom(level);
  if (format === 'text') return new ConsoleLogger({ logLevels: levels });
  return new JsonLogger(app, levels);
}

export class JsonLogger implements LoggerService {
  constructor(
    private readonly app: string,
    private readonly levels: LogLevel[],
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.emit('fatal', message, rest);
  }

  private emit(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (!this.levels.includes(level)) return;
    // Nest passes the context last; an error's stack (if any) comes before it.
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const stack = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    const fields = typeof message === 'object' && message !== null && !(message instanceof Error) ? message : { msg: String(message) };
    const requestId = currentRequestId();
    this.write(
      JSON.stringify({ time: new Date().toISOString(), level, app: this.app, context, ...(requestId ? { requestId } : {}), ...fields, ...(stack ? { stack } : {}) }),
    );
  }
}
