import { Clock } from '@crm/kernel';
import { TouchPublisher } from '@crm/messaging';
import { TouchChannel } from './touch-channel.port';
import { TouchMessage } from './touch-message';

/**
 * Touches go to the Kafka touch topic (`lead.touches.v1`) for whatever sends SMS, mail or WeChat messages
 * downstream. The touch id is the message id (the idempotency key) and names the chain: it is the correlation
 * and the causation of the message, as every event of the touch names it.
 */
export class KafkaTouchChannel extends TouchChannel {
  readonly name = 'kafka' as const;

  constructor(private readonly publisher: TouchPublisher, private readonly clock: Clock) {
    super();
  }

  override send(message: TouchMessage): Promise<void> {
    const { touchId } = message;
    return this.publisher.publish({ ...message, correlationId: touchId, causationId: touchId, recordedAt: this.clock.now().toISOString() });
  }
}
