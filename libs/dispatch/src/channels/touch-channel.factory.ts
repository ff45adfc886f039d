import { AppConfig } from '@crm/config';
import { KafkaTouchChannel } from './kafka-touch-channel.adapter';
import { TasksTouchChannel } from './tasks-touch-channel.adapter';
import { TouchChannel } from './touch-channel.port';
import { Clock } from '@crm/kernel';
import { TouchPublisher } from '@crm/messaging';
import { WebhookTouchChannel } from './webhook-touch-channel.adapter';

type ChannelConfig = Pick<AppConfig, 'TOUCH_DELIVERY' | 'TOUCH_WEBHOOK_URL' | 'TOUCH_WEBHOOK_SECRET' | 'TOUCH_WEBHOOK_TIMEOUT_MS' | 'TOUCH_WEBHOOK_RETRIES'>;

/** TOUCH_DELIVERY picks the channel; the configuration has already checked that the webhook's settings are there. */
export function createTouchChannel(config: ChannelConfig, clock: Clock, publisher?: TouchPublisher | null): TouchChannel {
  switch (config.TOUCH_DELIVERY) {
    case 'tasks':
      return new TasksTouchChannel();
    case 'webhook':
      return new WebhookTouchChannel({
        url: config.TOUCH_WEBHOOK_URL ?? '', secret: config.TOUCH_WEBHOOK_SECRET ?? '',
        timeoutMs: config.TOUCH_WEBHOOK_TIMEOUT_MS, retries: config.TOUCH_WEBHOOK_RETRIES, retryDelayMs: 1_000,
      });
    case 'kafka':
      if (!publisher) {
        throw new Error('TOUCH_DELIVERY=kafka needs KAFKA_ENABLED=true (the touch publisher of the Kafka integration)');
      }
      return new KafkaTouchChannel(publisher, clock);
  }
}
