import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';

export const WEB_APP_DIST = join(__dirname, '..', '..', 'web', 'dist');

/**
 * Serves the built browser app at `/`: its files as they are, and index.html for any other non-API GET,
 * so client-side routes survive a reload. Without a build (api-only development) nothing is mounted.
 */
export function serveWebApp(app: INestApplication, dist = WEB_APP_DIST): boolean {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return false;
  const files = express.static(dist, { index: false, maxAge: '1h' });
  // API paths never look on disk: a stat per API GET would cost more than many of the answers themselves.
  app.use((request: Request, response: Response, next: NextFunction) => (isApiPath(request) ? next() : files(request, response, next)));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || isApiPath(request)) return next();
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(index);
  });
  return true;
}

const isApiPath = (request: Request) => request.path === '/api' || request.path.startsWith('/api/');
