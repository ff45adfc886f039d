export * from './events/lead-vocabulary';
export * from './events/lead-values';
export * from './events/lead-events';
export * from './events/lead-event-schema';
export * from './commands/lead-commands';
export * from './policies/lead-policy';
