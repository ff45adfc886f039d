import { Clock } from './clock.port';

/** A clock that moves only when told to: for tests and the simulator. */
export class VirtualClock extends Clock {
  private current: number;

  constructor(start: Date | string = '2026-01-05T09:00:00.000Z') {
    super();
    this.current = new Date(start).getTime();
  }

  override now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
