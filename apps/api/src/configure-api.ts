import { INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { json } from 'express';
import { invalidInput, toFieldErrors } from '@app/persistence';

/** Everything the api needs beyond its module: prefix, validation, body limits, headers, OpenAPI. Shared with tests. */
export function configureApi(app: INestApplication): void {
  app.setGlobalPrefix('api');
  app.use(helmet());
  app.use(json({ limit: '2mb' }));
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => invalidInput(toFieldErrors(errors)),
    }),
  );
  app.enableShutdownHooks();
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
