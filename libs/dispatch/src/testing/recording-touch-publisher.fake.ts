import { TouchMessage } from '../channels/touch-message';
import { TouchPublisher } from '../channels/touch-publisher.port';

/**
 * A stand-in for the Kafka touch publisher, which another engineer builds (the merge binds the real one): it
 * records what it was given and can be told to fail.
 */
export class RecordingTouchPublisherFake extends TouchPublisher {
  readonly published: TouchMessage[] = [];
  private failures: { left: number; error: string } = { left: 0, error: '' };

  failNext(times: number, error: string): void {
    this.failures = { left: times, error };
  }

  override async publish(message: TouchMessage): Promise<void> {
    if (this.failures.left > 0) {
      this.failures.left -= 1;
      throw new Error(this.failures.error);
    }
    this.published.push(message);
  }
}
