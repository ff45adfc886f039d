import { existsSync, readFileSync } from 'node:fs';
import { OPENAPI_FILE, renderOpenApi } from './openapi.snapshot';

describe('openapi.json', () => {
  it('matches the API as built (run `npm run openapi` after changing a route or DTO)', async () => {
    const current = await renderOpenApi();
    const committed = existsSync(OPENAPI_FILE) ? readFileSync(OPENAPI_FILE, 'utf8') : '';
    if (committed !== current) {
      throw new Error('apps/api/openapi.json is stale: run npm run openapi');
    }
  });
});
