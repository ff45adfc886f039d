import { writeFileSync } from 'node:fs';
import { OPENAPI_FILE, renderOpenApi } from './openapi.snapshot';

/** `npm run openapi`: regenerates apps/api/openapi.json; openapi.spec.ts fails until it is run after an API change. */
renderOpenApi()
  .then((json) => {
    writeFileSync(OPENAPI_FILE, json);
    process.stdout.write(`Wrote ${OPENAPI_FILE}\n`);
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
