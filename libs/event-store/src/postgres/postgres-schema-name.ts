/** The schema that holds the event store's tables unless DATABASE_URL says `?schema=...`. */
export const DEFAULT_POSTGRES_SCHEMA = 'event_store';

const SAFE_IDENTIFIER = /^[a-z_][a-z0-9_]{0,40}$/;

/**
 * The schema name is spliced into DDL and SQL text (identifiers cannot be bind parameters), so only plain lower-case
 * identifiers are accepted; the LISTEN channel name is derived from it and must stay under 63 bytes.
 */
export function checkSchemaName(schema: string): string {
  if (!SAFE_IDENTIFIER.test(schema)) {
    throw new Error(`PostgreSQL schema "${schema}" must be a lower-case identifier (a-z, 0-9, _; at most 41 characters)`);
  }
  return schema;
}

/** Channel on which every committed append batch notifies (NOTIFY is delivered at commit, per database). */
export function appendChannel(schema: string): string {
  return `${schema}_appended`;
}

export interface PostgresLocation {
  /** The connection string without our own `schema` parameter. */
  connectionString: string;
  schema: string;
}

/** Splits `postgres://host/db?schema=name` into pg's connection string and our schema name. */
export function parsePostgresUrl(databaseUrl: string): PostgresLocation {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') ?? DEFAULT_POSTGRES_SCHEMA;
  url.searchParams.delete('schema');
  return { connectionString: url.toString(), schema: checkSchemaName(schema) };
}
