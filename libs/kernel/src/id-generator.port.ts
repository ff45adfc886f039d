import { randomUUID } from 'node:crypto';

/** Ids are a port so that tests can make them predictable. */
export abstract class IdGenerator {
  abstract next(): string;
}

export class RandomIdGenerator extends IdGenerator {
  override next(): string {
    return randomUUID();
  }
}

/** Deterministic ids for tests: 00000000-0000-4000-8000-000000000001, ...002, ... */
export class SequentialIdGenerator extends IdGenerator {
  private counter = 0;
  override next(): string {
    this.counter += 1;
    return `00000000-0000-4000-8000-${this.counter.toString(16).padStart(12, '0')}`;
  }
}
