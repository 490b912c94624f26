import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/persistence';
import { JurisdictionProfileService } from '@app/accounts';
import { ApiModule } from './api.module';
import { configureApi } from './configure-api';

async function bootstrap(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await NestFactory.create(ApiModule.forRoot(config), { bodyParser: false, logger: ['error', 'warn', 'log'] });
  configureApi(app);
  // A bad jurisdiction profile stops start-up with the field named.
  await app.get(JurisdictionProfileService).validateAll();
  await app.listen(config.PORT, '127.0.0.1');
  console.log(`Jianyi api listening on http://127.0.0.1:${config.PORT}/api (docs at /api/docs)`);
}

bootstrap().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
