import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** One structured line per request, with its id, status and duration; health probes are left out of the noise. */
export function logRequests() {
  const logger = new Logger('HTTP');
  return (request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const requestId = request.headers['x-request-id'];
    response.once('finish', () => {
      if (request.originalUrl.startsWith('/api/health')) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.log({ msg: 'request', requestId, method: request.method, url: request.originalUrl, status: response.statusCode, ms: Math.round(ms) });
    });
    next();
  };
}
