import { Clock } from './clock.port';

/** The only place in the product that reads the wall clock. */
export class SystemClock extends Clock {
  override now(): Date {
    return new Date();
  }
}
