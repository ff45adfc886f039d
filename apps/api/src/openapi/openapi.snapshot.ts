import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '@crm/config';
import { createApp } from '../create-app';
import { PinoLoggerService } from '../logging/pino-logger.service';
import { buildOpenApiDocument, stableJson } from './openapi.document';

export const OPENAPI_FILE = resolve(__dirname, '../../openapi.json');

/** The document as committed: built from a throwaway app instance, with stable key order. */
export async function renderOpenApi(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-openapi-'));
  const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const app = await createApp(config, { logger: new PinoLoggerService('silent') });
  try {
    return stableJson(buildOpenApiDocument(app));
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
