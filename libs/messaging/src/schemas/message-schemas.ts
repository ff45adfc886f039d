import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** libs/messaging/schemas, from the sources and from the build (npm run build copies the folder beside src). */
export const SCHEMAS_DIR = join(__dirname, '..', '..', 'schemas');

export interface SchemaProblem {
  /** JSON pointer into the message, e.g. /data/channel. */
  path: string;
  message: string;
}

function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? schemaFiles(join(dir, entry.name)) : entry.name.endsWith('.schema.json') ? [join(dir, entry.name)] : []);
}

/**
 * The JSON Schemas of every message type (libs/messaging/schemas), compiled with ajv (draft 2020-12, formats).
 * A message names its schema in `dataschema`, which is the schema file's `$id`.
 */
export class MessageSchemas {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: true });
  readonly ids: string[] = [];

  constructor(dir: string = SCHEMAS_DIR) {
    addFormats(this.ajv);
    for (const file of schemaFiles(dir)) {
      const schema = JSON.parse(readFileSync(file, 'utf8')) as { $id: string };
      this.ajv.addSchema(schema);
      this.ids.push(schema.$id);
    }
  }

  validator(schemaId: string): ValidateFunction {
    const validate = this.ajv.getSchema(schemaId);
    if (!validate) throw new Error(`No message schema with $id ${schemaId}`);
    return validate;
  }

  /** Problems of a message against the schema its `dataschema` names; an empty list when it conforms. */
  problems(message: unknown): SchemaProblem[] {
    const schemaId = (message as { dataschema?: unknown } | null)?.dataschema;
    if (typeof schemaId !== 'string') return [{ path: '/dataschema', message: 'is missing' }];
    const validate = this.validator(schemaId);
    if (validate(message)) return [];
    return (validate.errors ?? []).map((e: ErrorObject) => ({ path: e.instancePath || '/', message: e.message ?? 'is invalid' }));
  }
}
