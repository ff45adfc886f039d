import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** Built from the running app's routes and DTOs: the single source of both /docs and openapi.json. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Lead lifecycle API')
    .setDescription('Event-sourced lead lifecycle for car dealerships: one task-based endpoint per command.')
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Serves the document at /docs (UI) and /docs-json; express routes, so the auth guard does not apply. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app));
}

/** Sorted keys and a trailing newline, so the committed file changes only when the API does. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]);
  return Object.fromEntries(entries);
}
