/**
 * Another relay of the same name took over the sink (Kafka: a newer producer with the same transactional id
 * fenced this one). Not an outage: this relay stands by instead of taking the sink back at once.
 */
export class RelayFencedError extends Error {
  constructor(readonly relay: string, cause?: unknown) {
    super(`another relay named ${relay} took over`, { cause });
    this.name = 'RelayFencedError';
  }
}
