import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@crm/config';
import { exitGracefullyOnSignals } from '@crm/kernel/nest';
import { WorkerModule } from './worker.module';

/** Starts the worker: a Nest application context (no HTTP) that runs projections, saga, dispatcher and relay until SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { abortOnError: false });
  exitGracefullyOnSignals(app, new Logger('Worker'));
  new Logger('Worker').log(`projections, nurture saga, due index and dispatcher running; Kafka relay ${config.KAFKA_ENABLED ? 'on' : 'off'} `
    + `(event store: ${config.EVENT_STORE}, read store: ${config.READ_STORE}, due store: ${config.DUE_STORE}, `
    + `touch delivery: ${config.TOUCH_DELIVERY}, data: ${config.DATA_DIR})`);
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
