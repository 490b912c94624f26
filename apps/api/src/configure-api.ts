import { INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { json, NextFunction, Request, Response } from 'express';
import { acceptRequestId, APP_CONFIG, AppConfig, invalidInput, nestsDeeperThan, runWithRequestId, toFieldErrors } from '@app/persistence';
import { serveWebApp } from './serve-web-app';
import { mountQueueDashboard } from './queue-dashboard';
import { logRequests } from './request-log';

/** No request body of ours nests deeper than a few levels; far deeper ones would overflow the validator's recursion. */
const MAX_JSON_DEPTH = 32;

/** Everything the api needs beyond its module: prefix, validation, body limits, headers, OpenAPI. Shared with tests. */
export function configureApi(app: INestApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.setGlobalPrefix('api');
  // The client's address (the per-address limit on public proposals) comes from X-Forwarded-For only via the proxies named here.
  if (config.TRUST_PROXY) {
    const hops = /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : undefined;
    app.getHttpAdapter().getInstance().set('trust proxy', hops ?? config.TRUST_PROXY);
  }
  // Closed unless CORS_ORIGINS lists the browser origins allowed to call the api.
  if (config.CORS_ORIGINS) app.enableCors({ origin: config.CORS_ORIGINS.split(','), credentials: true, exposedHeaders: ['x-request-id'] });
  app.use(helmet());
  app.use(json({ limit: '2mb' }));
  // After the body parser: its stream callbacks would otherwise run outside the request's async context.
  app.use((request: Request, response: Response, next: NextFunction) => {
    const requestId = acceptRequestId(request.headers['x-request-id']);
    request.headers['x-request-id'] = requestId;
    response.setHeader('x-request-id', requestId);
    runWithRequestId(requestId, next);
  });
  app.use(logRequests());
  mountQueueDashboard(app);
  app.use((request: Request, _response: Response, next: NextFunction) =>
    next(
      nestsDeeperThan(request.body, MAX_JSON_DEPTH)
        ? invalidInput([{ field: '(body)', reason: `must not nest deeper than ${MAX_JSON_DEPTH} levels` }])
        : undefined,
    ),
  );
  serveWebApp(app);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => invalidInput(toFieldErrors(errors)),
    }),
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Jianyi API')
      .setDescription("Handling people's congress deputies' suggestions (代表建议)")
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
