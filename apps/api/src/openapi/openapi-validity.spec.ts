import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { OPENAPI_FILE } from './openapi.snapshot';

/** Every `$ref` in the document, with the JSON path where it stands. */
function refsIn(value: unknown, path = '#'): Array<{ path: string; ref: string }> {
  if (Array.isArray(value)) return value.flatMap((item, index) => refsIn(item, `${path}/${index}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' ? [{ path, ref: child }] : refsIn(child, `${path}/${key}`));
}

describe('openapi.json is a valid OpenAPI document', () => {
  const committed = (): Record<string, unknown> => JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as Record<string, unknown>;

  it('passes a standard validator (schema and spec rules, every $ref dereferenced)', async () => {
    await expect(SwaggerParser.validate(committed() as never)).resolves.toBeDefined();
  });

  it('names an existing component in every $ref', () => {
    const document = committed() as { components?: { schemas?: Record<string, unknown> } };
    const schemas = document.components?.schemas ?? {};
    const broken = refsIn(document).filter(({ ref }) => {
      const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
      return name === undefined || !(name in schemas);
    });
    expect(broken).toEqual([]);
  });
});
