export * from './kernel-ports.module';
export * from './graceful-exit';
