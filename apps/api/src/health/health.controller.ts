import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { EventStore } from '@crm/event-store';
import { Public } from '../auth/public.decorator';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly store: EventStore) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'The service and its event store answer: { status: "ok", eventStore: "up" }' })
  @ApiServiceUnavailableResponse({ description: 'The event store does not answer' })
  async health(): Promise<{ status: 'ok'; eventStore: 'up' }> {
    try {
      await this.store.headPosition();
    } catch {
      throw new ServiceUnavailableException({ code: 'EVENT_STORE_DOWN', message: 'The event store does not answer', details: { eventStore: 'down' } });
    }
    return { status: 'ok', eventStore: 'up' };
  }
}
