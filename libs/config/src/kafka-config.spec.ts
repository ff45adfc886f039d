import { tmpdir } from 'node:os';
import { ConfigError, loadConfig } from './load-config';

const base = { NODE_ENV: 'test', JWT_SECRET: 'kafka-config-secret-01', DATA_DIR: tmpdir() };

describe('Kafka settings', () => {
  it('default to off, the local broker, masked contacts', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      KAFKA_ENABLED: false, KAFKA_BROKERS: ['127.0.0.1:9092'], KAFKA_CLIENT_ID: 'crm-lead-lifecycle', KAFKA_TOPIC_PREFIX: '',
      KAFKA_TOPIC_PARTITIONS: 6, KAFKA_REPLICATION_FACTOR: 1, KAFKA_EXPOSE_CONTACT: false, KAFKA_RELAY_NAME: 'lead-relay',
    });
  });

  it('take a broker list', () => {
    expect(loadConfig({ ...base, KAFKA_BROKERS: 'k1:9092, k2:9093' }).KAFKA_BROKERS).toEqual(['k1:9092', 'k2:9093']);
  });

  it.each([
    ['KAFKA_ENABLED', 'yes'],
    ['KAFKA_BROKERS', 'k1'],
    ['KAFKA_TOPIC_PARTITIONS', '0'],
    ['KAFKA_REPLICATION_FACTOR', 'three'],
    ['KAFKA_EXPOSE_CONTACT', '1'],
    ['KAFKA_CLIENT_ID', 'has space'],
  ])('refuse %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it('refuse touches on Kafka without the Kafka integration, and take them with it', () => {
    expect(() => loadConfig({ ...base, TOUCH_DELIVERY: 'kafka' })).toThrow(/TOUCH_DELIVERY: kafka needs KAFKA_ENABLED=true/);
    expect(loadConfig({ ...base, TOUCH_DELIVERY: 'kafka', KAFKA_ENABLED: 'true' }).TOUCH_DELIVERY).toBe('kafka');
  });
});
