import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DomainException } from '@app/persistence';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  [detail: string]: unknown;
}

/** Maps a domain error code to its HTTP status by the code's shape; unknown codes are server errors. */
export function statusForCode(code: string): number {
  if (code.endsWith('_NOT_FOUND')) return HttpStatus.NOT_FOUND;
  if (code.endsWith('_FORBIDDEN')) return HttpStatus.FORBIDDEN;
  if (code.endsWith('_UNAUTHORIZED')) return HttpStatus.UNAUTHORIZED;
  if (code.startsWith('INVALID_')) return HttpStatus.BAD_REQUEST;
  if (code.endsWith('_CONFLICT')) return HttpStatus.CONFLICT;
  if (code.endsWith('_THROTTLED')) return HttpStatus.TOO_MANY_REQUESTS;
  if (code.endsWith('_UNAVAILABLE')) return HttpStatus.SERVICE_UNAVAILABLE;
  return HttpStatus.INTERNAL_SERVER_ERROR;
}

/** PostgreSQL errors a client can cause (a bad value slipping past validation, a duplicate) are not server faults. */
const CLIENT_PG_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  '22P02': { status: 400, code: 'INVALID_INPUT', message: 'A value has the wrong format' },
  '22007': { status: 400, code: 'INVALID_INPUT', message: 'A date has the wrong format' },
  '22003': { status: 400, code: 'INVALID_INPUT', message: 'A number is out of range' },
  // A text with U+0000, which PostgreSQL stores neither in text (22021) nor in jsonb (22P05).
  '22021': { status: 400, code: 'INVALID_INPUT', message: 'A text contains the NUL character (\\u0000)' },
  '22P05': { status: 400, code: 'INVALID_INPUT', message: 'A text contains the NUL character (\\u0000)' },
  '23505': { status: 409, code: 'DUPLICATE_CONFLICT', message: 'That already exists' },
  '40001': { status: 409, code: 'VERSION_CONFLICT', message: 'Changed concurrently; retry' },
  // Two events that each touch two instances in opposite order (A merged into B while B is merged into A).
  '40P01': { status: 409, code: 'VERSION_CONFLICT', message: 'Changed concurrently; retry' },
};

/** Socket errors of a lost connection to PostgreSQL (a restart, a failover): nothing the client did. */
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);
const CONNECTION_MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /Client has encountered a connection error/i, /Connection is closed/i];

/**
 * Whether the database is out of reach rather than the request wrong: SQLSTATE class 08 (connection exception),
 * 57P01-57P03 (server shutting down or starting), or the driver's socket errors. Answered 503: the client may retry.
 */
export function isDatabaseUnavailable(exception: unknown): boolean {
  // TypeORM releases a transaction's query runner when its connection errors (a server restart); the transaction's
  // next query (or its COMMIT, never sent) then throws one of these instead of a socket error: nothing was committed.
  if (exception instanceof QueryRunnerProviderAlreadyReleasedError || exception instanceof QueryRunnerAlreadyReleasedError) return true;
  const error = (exception instanceof QueryFailedError ? exception.driverError : exception) as { code?: unknown; message?: unknown } | null;
  if (!error || typeof error !== 'object') return false;
  const code = typeof error.code === 'string' ? error.code : '';
  if (code.startsWith('08') || ['57P01', '57P02', '57P03'].includes(code) || CONNECTION_ERRNOS.has(code)) return true;
  const message = typeof error.message === 'string' ? error.message : '';
  return CONNECTION_MESSAGES.some((pattern) => pattern.test(message));
}

/** The one place errors become HTTP answers. Each is logged once, with the request id sent back as a header. */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const requestId = (request.headers['x-request-id'] as string | undefined) ?? randomUUID();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(`${requestId} ${request.method} ${request.url}`, (exception as Error)?.stack);
    else this.logger.debug(`${requestId} ${request.method} ${request.url} → ${body.statusCode} ${body.code}`);
    response.setHeader('x-request-id', requestId);
    // A download handler's @Header()s (text/csv, an attachment) are set before it runs; its errors are still JSON to read.
    response.removeHeader('Content-Disposition');
    response.status(body.statusCode).type('application/json').json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainException) {
      const statusCode = statusForCode(exception.code);
      if (statusCode >= 500) return { statusCode, code: 'INTERNAL_ERROR', message: 'Internal server error' };
      return { statusCode, code: exception.code, message: exception.message, ...exception.details };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const answer = exception.getResponse();
      const raw = typeof answer === 'string' ? answer : ((answer as { message?: unknown }).message ?? exception.message);
      const message = Array.isArray(raw) ? raw.join('; ') : String(raw);
      // Express answers a body that is not JSON, or a path with a bad %-escape, with a 400 of its own.
      if (statusCode === HttpStatus.BAD_REQUEST) {
        const field = String((exception.cause as { type?: unknown } | undefined)?.type ?? '').startsWith('entity.') ? '(body)' : '(request)';
        return invalidInputBody(field, message);
      }
      return { statusCode, code: HttpStatus[statusCode] ?? 'HTTP_ERROR', message };
    }
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, code: 'DATABASE_UNAVAILABLE', message: 'The database is out of reach; retry shortly' };
    }
    const pgCode = exception instanceof QueryFailedError ? (exception.driverError as { code?: string })?.code : undefined;
    const known = pgCode ? CLIENT_PG_ERRORS[pgCode] : undefined;
    if (known?.code === 'INVALID_INPUT') return invalidInputBody('(request)', known.message);
    if (known) return { statusCode: known.status, code: known.code, message: known.message };
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error' };
  }
}

/** Every 400 has the shape of the validation pipe's, so a client reads one format. */
function invalidInputBody(field: string, reason: string): ErrorBody {
  return { statusCode: HttpStatus.BAD_REQUEST, code: 'INVALID_INPUT', message: `Invalid input: ${field}: ${reason}`, errors: [{ field, reason }] };
}
