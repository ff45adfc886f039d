import { join } from 'node:path';
import { Command } from 'commander';
import { loadConfigOrExit } from '@crm/config';
import { SqliteEventStore } from '@crm/event-store';
import { SystemClock } from '@crm/kernel';
import { createKafkaClient, readRelayCheckpoint, relayStatus, RelayStatus, topicNames } from '@crm/messaging';
import { defineCommand } from '../cli-command.registry';

/** The API's event store file in DATA_DIR (apps/api/src/app.module.ts, EVENT_STORE_FILE). */
const EVENT_STORE_FILE = 'events.sqlite';

/**
 * `relay status`: the Kafka relay's checkpoint as the broker holds it (read_committed, without taking over the
 * relay's transactional id) and its lag behind the event log, in events and seconds.
 */
export function registerRelayCommands(program: Command): void {
  program
    .command('relay')
    .description('the Kafka relay')
    .command('status')
    .description("the relay's acknowledged checkpoint and its lag (events and seconds behind the event log)")
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfigOrExit();
      const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID}.cli` });
      const store = new SqliteEventStore({ path: join(config.DATA_DIR, EVENT_STORE_FILE) });
      try {
        const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
        const checkpoint = await readRelayCheckpoint(kafka, topics.checkpoints, config.KAFKA_RELAY_NAME, 10_000);
        const status = await relayStatus(store, new SystemClock(), config.KAFKA_RELAY_NAME, checkpoint);
        process.stdout.write(options.json ? `${JSON.stringify(status, null, 2)}\n` : format(status));
      } finally {
        await store.close();
      }
    });
}

defineCommand(registerRelayCommands);

function format(status: RelayStatus): string {
  return [
    `relay           ${status.name}`,
    `checkpoint      ${status.checkpoint ?? '-'}`,
    `head            ${status.headPosition}`,
    `events behind   ${status.eventsBehind}`,
    `seconds behind  ${status.secondsBehind.toFixed(1)}`,
    '',
  ].join('\n');
}
