import type { INestApplication } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response } from 'express';
import { AuthService } from '@app/accounts';
import { QueueName, QueueService } from '@app/persistence';
import { Role } from '@app/workflows/common/actor';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';
const TOKEN_COOKIE = 'jianyi_admin_token';

/**
 * bull-board for administrators. Express routes sit outside Nest's guard, so this middleware checks the access token
 * itself (AuthService.authenticate + ADMIN). A browser opens `/api/admin/queues?token=<access token>` once; the token
 * is then kept in an HttpOnly cookie scoped to this path, so the dashboard's own requests carry it.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  const queues = app.get(QueueService);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(queues.queue(name), { readOnlyMode: false })),
    // @bull-board/express 9.10.1 nests its own @bull-board/api 9.10.1 beside our 9.10.2: same shape, separate declarations.
    serverAdapter: serverAdapter as never,
  });
  app.use(QUEUE_DASHBOARD_PATH, requireAdmin(app.get(AuthService)), serverAdapter.getRouter());
}

function requireAdmin(auth: AuthService) {
  return async (request: Request, response: Response, next: NextFunction) => {
    const fromQuery = typeof request.query.token === 'string' ? request.query.token : undefined;
    const token = bearerOf(request) ?? fromQuery ?? cookieOf(request, TOKEN_COOKIE);
    const deny = (status: number, code: string, message: string) => response.status(status).json({ statusCode: status, code, message });
    if (!token) return deny(401, 'AUTH_UNAUTHORIZED', 'Sign in as an administrator: Authorization: Bearer <token> or ?token=');
    try {
      const user = await auth.authenticate(token);
      if (!user.roles.includes(Role.ADMIN)) return deny(403, 'ROLE_FORBIDDEN', 'The queue dashboard is for administrators');
    } catch {
      return deny(401, 'AUTH_UNAUTHORIZED', 'The access token is invalid or expired');
    }
    if (fromQuery) {
      response.cookie(TOKEN_COOKIE, fromQuery, { httpOnly: true, sameSite: 'strict', path: QUEUE_DASHBOARD_PATH });
    }
    next();
  };
}

function bearerOf(request: Request): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function cookieOf(request: Request, name: string): string | undefined {
  const pair = (request.headers.cookie ?? '').split(';').map((part) => part.trim()).find((part) => part.startsWith(`${name}=`));
  return pair ? decodeURIComponent(pair.slice(name.length + 1)) : undefined;
}
