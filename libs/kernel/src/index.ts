export * from './clock.port';
export * from './system-clock.adapter';
export * from './virtual-clock.adapter';
export * from './id-generator.port';
export * from './event-metadata';
export * from './domain-error';
export * from './assert-never';
export * from './decider';
