import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '@crm/config';
import { AppModule } from './app.module';
import { jsonBody } from './http/json-body.middleware';
import { KernelOverrides } from '@crm/kernel/nest';
import { PinoLoggerService } from './logging/pino-logger.service';
import { requestLogger } from './logging/request-logger.middleware';
import { setupOpenApi } from './openapi/openapi.document';

export interface AppOverrides extends KernelOverrides {
  logger?: PinoLoggerService;
}

interface ExpressSettings {
  disable(setting: string): void;
}

/** Builds the API, initialised but not listening: main() listens, tests hand it to supertest. */
export async function createApp(config: AppConfig, overrides: AppOverrides = {}): Promise<INestApplication> {
  const logger = overrides.logger ?? new PinoLoggerService(config.LOG_LEVEL);
  const app = await NestFactory.create(AppModule.forRoot(config, overrides), { bodyParser: false, logger, abortOnError: false });
  const express = app.getHttpAdapter().getInstance() as ExpressSettings;
  express.disable('x-powered-by');
  // The ETag is the stream revision; express's own body-hash ETags would contradict it.
  express.disable('etag');
  app.use(requestLogger(logger.pino));
  app.use(jsonBody(config.BODY_LIMIT));
  setupOpenApi(app);
  await app.init();
  return app;
}
