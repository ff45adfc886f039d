import { INestApplicationContext, LoggerService } from '@nestjs/common';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * SIGTERM or SIGINT closes the application, then exits 0: Nest's own shutdown hooks would re-raise the signal, and
 * a supervisor would read a clean stop as a kill. Closing runs every module's hooks in Nest's order: runners and
 * relays stop after committing the batch in hand (onModuleDestroy), the HTTP server stops accepting and lets the
 * requests in flight finish, then the stores close (onApplicationShutdown). A close that fails or hangs exits 1.
 */
export function exitGracefullyOnSignals(app: INestApplicationContext, logger: LoggerService, timeoutMs = 30_000): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: draining and committing checkpoints before exit`);
    const hung = setTimeout(() => {
      logger.error(`still closing after ${timeoutMs} ms: exiting anyway`, undefined);
      process.exit(1);
    }, timeoutMs);
    hung.unref();
    app.close().then(
      () => {
        logger.log('closed cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`close failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`, undefined);
        process.exit(1);
      },
    );
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
}
