import { DomainError } from '@crm/kernel';
import { TouchMessage } from './touch-message';

export enum TouchPublishErrorCode {
  InvalidTouchMessage = 'INVALID_TOUCH_MESSAGE',
}

/** A touch message that does not conform to its schema: nothing was published. */
export class InvalidTouchMessageError extends DomainError<TouchPublishErrorCode> {
  constructor(field: string, problem: string) {
    super(TouchPublishErrorCode.InvalidTouchMessage, `Touch message ${field} ${problem}`, 'invalid', field);
    this.name = 'InvalidTouchMessageError';
  }
}

/** Publishes touches due to be sent. Idempotent by touch id: publishing the same touch twice is harmless. */
export abstract class TouchPublisher {
  /** Resolves once the broker acknowledged the message; throws InvalidTouchMessageError for a bad message. */
  abstract publish(message: TouchMessage): Promise<void>;
  abstract close(): Promise<void>;
}
