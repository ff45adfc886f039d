import { TouchMessage } from './touch-message';

/**
 * Publishes a touch on the Kafka touch topic (key: the lead id; the touch id as message id). The Kafka side is
 * built elsewhere; the merge binds its publisher here. Resolves once the broker acknowledged the message.
 */
export abstract class TouchPublisher {
  abstract publish(message: TouchMessage): Promise<void>;
}
