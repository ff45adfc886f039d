import { Kafka, logLevel, LogEntry } from 'kafkajs';

export interface KafkaClientOptions {
  brokers: readonly string[];
  clientId: string;
  /**
   * Where kafkajs' own log lines go. Its retries log every failed attempt; the relay reports an outage once
   * (when it starts and when it ends), so these belong at debug level.
   */
  debugLog?: (line: string) => void;
}

/** One kafkajs client with short connection timeouts: an unreachable broker fails fast, the caller backs off. */
export function createKafkaClient(options: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    // Enough for a coordinator that is loading or finishing a fenced transaction (retriable, seconds at worst);
    // an unreachable broker fails these fast (connection refused) and the relay's own backoff takes over.
    retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 2_000 },
    logLevel: options.debugLog ? logLevel.WARN : logLevel.NOTHING,
    logCreator: () => (entry: LogEntry) => {
      const { message, ...extra } = entry.log;
      options.debugLog?.(`kafkajs ${entry.namespace}: ${message} ${JSON.stringify(extra)}`);
    },
  });
}
