import { TouchChannel } from './touch-channel.port';
import { TouchMessage } from './touch-message';
import { TouchPublisher } from './touch-publisher.port';

/** Touches go to the Kafka touch topic for whatever sends SMS, mail or WeChat messages downstream. */
export class KafkaTouchChannel extends TouchChannel {
  readonly name = 'kafka' as const;

  constructor(private readonly publisher: TouchPublisher) {
    super();
  }

  override send(message: TouchMessage): Promise<void> {
    return this.publisher.publish(message);
  }
}
