import { DynamicModule, Inject, Logger, Module, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@crm/config';
import { EventStore } from '@crm/event-store';
import { Clock } from '@crm/kernel';
import { createKafkaClient } from './kafka/kafka-client.factory';
import { KafkaTransactionalSink } from './kafka/kafka-transactional.sink';
import { LeadRelay } from './relay/lead-relay';
import { KafkaTouchPublisher } from './touches/kafka-touch.publisher';
import { TouchPublisher } from './touches/touch-publisher.port';
import { topicNames } from './topics';

/** Builds the relay from the configuration: topics, layout, masking, transactional id `<client id>.<relay name>`. */
export function createLeadRelay(config: AppConfig, store: EventStore, clock: Clock, logger = new Logger('KafkaRelay')): LeadRelay {
  const debug = (line: string): void => logger.debug(line);
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, debugLog: debug });
  const names = topicNames(config.KAFKA_TOPIC_PREFIX);
  const sink = new KafkaTransactionalSink(kafka, {
    relayName: config.KAFKA_RELAY_NAME,
    transactionalId: `${config.KAFKA_CLIENT_ID}.${config.KAFKA_RELAY_NAME}`,
    layout: { names, partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR },
    onTopicsCreated: (topics) => logger.log(`created topics ${topics.join(', ')}`),
  });
  return new LeadRelay(store, sink, clock, {
    name: config.KAFKA_RELAY_NAME, topics: names, exposeContact: config.KAFKA_EXPOSE_CONTACT,
    batchSize: config.KAFKA_RELAY_BATCH_SIZE, standbyIntervalMs: config.KAFKA_RELAY_STANDBY_MS, logger: { warn: (m) => logger.warn(m), log: (m) => logger.log(m), debug },
  });
}

/** The touch topic's idempotent producer, on the configured brokers and topic prefix. */
export function createTouchPublisher(config: AppConfig): TouchPublisher {
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: `${config.KAFKA_CLIENT_ID}.touches` });
  return new KafkaTouchPublisher(kafka, topicNames(config.KAFKA_TOPIC_PREFIX).touches);
}

/**
 * Runs the Kafka relay in this process when KAFKA_ENABLED (the worker; the API too when it runs the worker parts
 * in-process). Exports LeadRelay (or null when off) for /health. On shutdown the subscriber stops after its batch
 * in flight is committed, then the producer disconnects; the event store closes after that (its own hook).
 */
@Module({})
export class MessagingModule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('KafkaRelay');

  constructor(
    @Optional() @Inject(LeadRelay) private readonly relay: LeadRelay | null,
    @Optional() @Inject(TouchPublisher) private readonly touches: TouchPublisher | null,
  ) {}

  static forRoot(options: { runRelay: boolean }): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [{
        provide: LeadRelay,
        useFactory: (config: AppConfig, store: EventStore, clock: Clock) =>
          (options.runRelay && config.KAFKA_ENABLED ? createLeadRelay(config, store, clock) : null),
        inject: [APP_CONFIG, EventStore, Clock],
      }, {
        // The dispatcher's Kafka channel (TOUCH_DELIVERY=kafka), wherever the dispatcher runs.
        provide: TouchPublisher,
        useFactory: (config: AppConfig) => (config.KAFKA_ENABLED ? createTouchPublisher(config) : null),
        inject: [APP_CONFIG],
      }],
      exports: [LeadRelay, TouchPublisher],
    };
  }

  onApplicationBootstrap(): void {
    if (!this.relay) return;
    this.relay.start();
    this.logger.log(`relay ${this.relay.name} started`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.touches?.close();
    if (!this.relay) return;
    await this.relay.stop();
    this.logger.log(`relay ${this.relay.name} stopped at position ${this.relay.position}`);
  }
}
