import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';

/** Nest's logger backed by pino writing asynchronously, so logging never blocks a request on stdout. */
export class PinoLoggerService implements LoggerService {
  readonly pino: Logger;

  constructor(level: string, destination: pino.DestinationStream = pino.destination({ sync: false })) {
    this.pino = pino({ level, base: undefined }, destination);
  }

  log(message: unknown, context?: string): void {
    this.pino.info({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.pino.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.pino.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.pino.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.pino.trace({ context }, String(message));
  }

  flush(): void {
    this.pino.flush();
  }
}
