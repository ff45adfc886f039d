export * from './kernel-ports.module';
