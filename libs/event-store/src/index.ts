export * from './event-store.port';
export * from './event-store.errors';
export * from './event-store.module';
export * from './sqlite/sqlite-event-store.adapter';
export * from './subscription/append-notifier';
export * from './subscription/polling-subscription';
export * from './subscription/checkpointed-consumer';
export * from './subscription/catch-up-subscriber';
