import { readFileSync } from 'node:fs';
import { OPENAPI_FILE } from './openapi.snapshot';

interface Operation {
  security?: unknown[];
  tags?: string[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

const document = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, path, method, operation })));

/** The statuses each kind of route can answer, whatever the e2e tests happen to exercise. */
function missing(select: (op: (typeof operations)[number]) => boolean, statuses: string[]): string[] {
  return operations.filter(select).flatMap(({ name, operation }) =>
    statuses.filter((status) => !(status in operation.responses)).map((status) => `${name} lacks ${status}`));
}

describe('openapi.json documents every status a route can answer', () => {
  it('has operations to check', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it('401 on every route that needs a token, and only there', () => {
    const wrong = operations.filter(({ operation }) => (operation.security !== undefined) !== ('401' in operation.responses));
    expect(wrong.map((op) => op.name)).toEqual([]);
    expect(operations.filter(({ operation }) => operation.security === undefined).map((op) => op.name)).toEqual(['GET /health']);
  });

  it('400 and 404 on every route with a path id', () => {
    expect(missing(({ path }) => path.includes('{'), ['400', '404'])).toEqual([]);
  });

  it('400, 409, 413, 415 and 422 on every command (body parser, Idempotency-Key)', () => {
    expect(missing(({ method }) => method === 'post', ['400', '409', '413', '415', '422'])).toEqual([]);
  });

  it('412 on every lead command (If-Match)', () => {
    expect(missing(({ method, path }) => method === 'post' && path.startsWith('/leads'), ['412'])).toEqual([]);
  });

  it('503 on every read-side query and on /health', () => {
    expect(missing(({ operation, path }) => operation.tags?.includes('read side') === true || path === '/health', ['503'])).toEqual([]);
  });

  it('a JSON schema for every answer: the error body for every 4xx and 5xx', () => {
    // /health answers its report at 503 too: a monitor reads which part is down from the same body.
    const healthReport = (name: string, status: string, ref: string | undefined): boolean =>
      name === 'GET /health' && status === '503' && ref === '#/components/schemas/HealthView';
    const wrong = operations.flatMap(({ name, operation }) => Object.entries(operation.responses).flatMap(([status, response]) => {
      const ref = response.content?.['application/json']?.schema?.$ref;
      if (Number(status) >= 400 && ref !== '#/components/schemas/ErrorBodyView' && !healthReport(name, status, ref)) {
        return [`${name} ${status}: ${ref ?? 'no schema'}`];
      }
      if (response.content?.['application/json']?.schema === undefined) return [`${name} ${status}: no schema`];
      return [];
    }));
    expect(wrong).toEqual([]);
  });
});
