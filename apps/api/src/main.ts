import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@crm/config';
import { exitGracefullyOnSignals } from '@crm/kernel/nest';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApp(config);
  // SIGTERM: stop accepting, finish the requests in flight, close the stores, exit 0.
  exitGracefullyOnSignals(app, new Logger('Main'));
  await app.listen(config.PORT, config.HOST);
  new Logger('Main').log(`Listening on http://${config.HOST}:${config.PORT} (data in ${config.DATA_DIR})`);
}

main().catch((error: unknown) => {
  process.stderr.write(`The API failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
