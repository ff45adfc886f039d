import { Inject, Injectable, Optional } from '@nestjs/common';
import { EventStore } from '@crm/event-store';
import { LeadRelay, RelayStatus } from '@crm/messaging';
import { Projection, PROJECTIONS, ProjectionStatus, ProjectionStatusReader, ReadStore } from '@crm/projections';

export type PartState = 'up' | 'down';

export interface ProjectionHealth {
  name: string;
  state: ProjectionStatus['state'] | 'unknown';
  eventsBehind: number | null;
  secondsBehind: number | null;
}

export interface HealthReport {
  /** ok: everything answers and every read model is live; degraded: answers, but a model is rebuilding or missing. */
  status: 'ok' | 'degraded' | 'down';
  eventStore: PartState;
  readStore: PartState;
  projections: ProjectionHealth[];
  /** The Kafka relay's lag, when this process runs it. A broker outage does not make the API unhealthy: writes go on and the relay catches up. */
  kafkaRelay?: RelayStatus;
}

/** What /health reports: the stores the API depends on, and each read model's state and lag. */
@Injectable()
export class HealthService {
  constructor(
    private readonly eventStore: EventStore,
    private readonly readStore: ReadStore,
    private readonly statuses: ProjectionStatusReader,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
    @Optional() @Inject(LeadRelay) private readonly relay: LeadRelay | null,
  ) {}

  async report(): Promise<HealthReport> {
    const [eventStore, readStore] = await Promise.all([
      up(() => this.eventStore.headPosition()),
      up(() => this.readStore.ping()),
    ]);
    const projections = eventStore === 'up' && readStore === 'up'
      ? await Promise.all(this.projections.map((p) => this.projection(p.name)))
      : this.projections.map((p): ProjectionHealth => ({ name: p.name, state: 'unknown', eventsBehind: null, secondsBehind: null }));
    const status = eventStore === 'down' || readStore === 'down' ? 'down' : projections.every((p) => p.state === 'live') ? 'ok' : 'degraded';
    if (!this.relay || eventStore === 'down') return { status, eventStore, readStore, projections };
    return { status, eventStore, readStore, projections, kafkaRelay: await this.relay.status() };
  }

  private async projection(name: string): Promise<ProjectionHealth> {
    const { state, eventsBehind, secondsBehind } = await this.statuses.status(name);
    return { name, state, eventsBehind, secondsBehind };
  }
}

async function up(probe: () => Promise<unknown>): Promise<PartState> {
  try {
    await probe();
    return 'up';
  } catch {
    return 'down';
  }
}
