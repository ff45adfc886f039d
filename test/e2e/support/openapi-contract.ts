import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** One request an e2e test made and the answer it got. */
export interface Exchange {
  method: string;
  /** As the test wrote it: path and query, no host. */
  url: string;
  status: number;
  contentType?: string;
  text?: string;
}

type Schema = Record<string, unknown>;
interface MediaType { schema?: Schema }
interface Response { content?: Record<string, MediaType> }
interface Operation { responses?: Record<string, Response> }
type PathItem = Record<string, Operation>;
export interface OpenApiDocument { paths: Record<string, PathItem>; components?: { schemas?: Record<string, Schema> } }

export const OPENAPI_FILE = resolve(__dirname, '../../../apps/api/openapi.json');

/**
 * Not operations of the API, so the document has no entry for them: the Swagger UI and its assets. Routes the
 * API does not have cannot be documented either; those must answer 404 with the error body (checked below).
 */
const UNDOCUMENTED_PATHS = [/^\/docs(?:-json|\/.*)?$/];

interface Route { method: string; template: string; pattern: RegExp; params: number; operation: Operation }

/** The committed document, every $ref resolved, with a JSON Schema validator per response. */
export class OpenApiContract {
  private readonly routes: Route[];
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  private readonly validators = new WeakMap<Schema, ValidateFunction>();
  private readonly errorBody: Schema | undefined;

  constructor(private readonly document: OpenApiDocument) {
    this.routes = Object.entries(document.paths).flatMap(([template, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        method: method.toUpperCase(), template, operation, params: (template.match(/\{/g) ?? []).length,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      })),
    ).sort((a, b) => a.params - b.params); // a literal segment wins over a parameter
    this.errorBody = document.components?.schemas?.ErrorBodyView;
  }

  static async load(file = OPENAPI_FILE): Promise<OpenApiContract> {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
    return new OpenApiContract((await SwaggerParser.dereference(raw as never)) as unknown as OpenApiDocument);
  }

  /** What is wrong with one exchange, as a line a developer can act on; undefined when it conforms. */
  problem(exchange: Exchange): string | undefined {
    const path = exchange.url.split('?')[0] ?? '';
    const label = `${exchange.method} ${path} -> ${exchange.status}`;
    if (UNDOCUMENTED_PATHS.some((pattern) => pattern.test(path))) return undefined;
    const route = this.routes.find((r) => r.method === exchange.method && r.pattern.test(path));
    if (!route) {
      if (exchange.status !== 404) return `${label}: no such operation in the document, yet not a 404`;
      return this.bodyProblem(label, exchange, this.errorBody);
    }
    const response = route.operation.responses?.[String(exchange.status)];
    const where = `${label} (${exchange.method} ${route.template})`;
    if (!response) return `${where}: status ${exchange.status} is not documented for this operation`;
    const schema = response.content?.['application/json']?.schema;
    return this.bodyProblem(where, exchange, schema);
  }

  private bodyProblem(label: string, exchange: Exchange, schema: Schema | undefined): string | undefined {
    const json = exchange.contentType?.startsWith('application/json') ?? false;
    const empty = exchange.text === undefined || exchange.text === '';
    if (!schema) return empty ? undefined : `${label}: answers a body, but the document gives no schema for it`;
    if (!json) return `${label}: documented as application/json, answered ${exchange.contentType ?? 'without a content type'}`;
    let validate = this.validators.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.validators.set(schema, validate);
    }
    if (validate(JSON.parse(exchange.text ?? 'null'))) return undefined;
    return `${label}: body does not match the documented schema: ${this.ajv.errorsText(validate.errors)}`;
  }
}

let shared: Promise<OpenApiContract> | undefined;

/** Problems of all exchanges, one line each; the document is loaded once per jest worker. */
export async function conformanceProblems(exchanges: readonly Exchange[]): Promise<string[]> {
  shared ??= OpenApiContract.load();
  const contract = await shared;
  const lines = exchanges.map((exchange) => contract.problem(exchange)).filter((line): line is string => line !== undefined);
  return [...new Set(lines)];
}
