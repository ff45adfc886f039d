import { Controller, Get, Inject, Optional, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { EventStore } from '@crm/event-store';
import { LeadRelay, RelayStatus } from '@crm/messaging';
import { Public } from '../auth/public.decorator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly store: EventStore, @Optional() @Inject(LeadRelay) private readonly relay: LeadRelay | null) {}

  @Public()
  @Get()
  @ApiOkResponse({
    description: 'The service and its event store answer: { status: "ok", eventStore: "up" }, plus the Kafka relay\'s lag'
      + ' (checkpoint, eventsBehind, secondsBehind, outageSince) when this process runs the relay',
  })
  @ApiServiceUnavailableResponse({ description: 'The event store does not answer' })
  async health(): Promise<{ status: 'ok'; eventStore: 'up'; kafkaRelay?: RelayStatus }> {
    try {
      await this.store.headPosition();
    } catch {
      throw new ServiceUnavailableException({ code: 'EVENT_STORE_DOWN', message: 'The event store does not answer', details: { eventStore: 'down' } });
    }
    // A broker outage does not make the API unhealthy: writes go on and the relay catches up; the lag says it.
    if (this.relay) return { status: 'ok', eventStore: 'up', kafkaRelay: await this.relay.status() };
    return { status: 'ok', eventStore: 'up' };
  }
}
