/** Time is a port: production reads the system clock, tests and the simulator move a virtual one. */
export abstract class Clock {
  abstract now(): Date;
}
