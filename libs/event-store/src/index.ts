export * from './event-store.port';
export * from './event-store.errors';
export * from './event-store.factory';
export * from './event-store-url';
export * from './event-store.module';
export * from './sqlite/sqlite-event-store.adapter';
export * from './postgres/postgres-event-store.adapter';
// Other capabilities keep their own PostgreSQL schemas versioned the same way (the API's idempotency keys).
export { migrate as migratePostgresSchema, type Migration as PostgresMigration } from './postgres/postgres-migrations';
export { checkSchemaName, parsePostgresUrl } from './postgres/postgres-schema-name';
export * from './eventstoredb/eventstoredb-event-store.adapter';
export * from './subscription/append-notifier';
export * from './subscription/polling-subscription';
export * from './subscription/checkpointed-consumer';
export * from './subscription/catch-up-subscriber';
export * from './copy/event-log-copy';
export * from './copy/event-log-digest';
