import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { EventStore } from '@crm/event-store';
import { Public } from '../auth/public.decorator';
import { ErrorBodyView } from '../http/error-body.view';
import { HealthView } from './health.view';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly store: EventStore) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether the service and its event store answer (no token needed)' })
  @ApiOkResponse({ type: HealthView, description: 'The service and its event store answer' })
  @ApiServiceUnavailableResponse({ type: ErrorBodyView, description: 'EVENT_STORE_DOWN: the event store does not answer' })
  async health(): Promise<{ status: 'ok'; eventStore: 'up' }> {
    try {
      await this.store.headPosition();
    } catch {
      throw new ServiceUnavailableException({ code: 'EVENT_STORE_DOWN', message: 'The event store does not answer', details: { eventStore: 'down' } });
    }
    return { status: 'ok', eventStore: 'up' };
  }
}
