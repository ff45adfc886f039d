import { TouchMessage } from './touch-message';

export const TOUCH_DELIVERIES = ['tasks', 'webhook', 'kafka'] as const;
export type TouchDelivery = (typeof TOUCH_DELIVERIES)[number];

/** How a due touch leaves the system. A send that resolves was accepted; one that throws was not. */
export abstract class TouchChannel {
  /** Recorded as `via` in TouchSent. */
  abstract readonly name: TouchDelivery;
  abstract send(message: TouchMessage): Promise<void>;
}

/** The receiver refused the touch for good (a 4xx other than 408/429): trying again cannot help. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}
