import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '@crm/kernel';
import { TouchPage } from '@crm/projections';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { ApiAuthenticated } from '../../http/api-responses.decorators';
import { ApiReadModelQuery } from '../api-read-model-query.decorator';
import { TouchPageView } from '../views/touch-page.view';
import { TouchListQueryDto } from '../dto/touch-list-query.dto';
import { ReadSideService } from '../read-side.service';

@ApiTags('read side')
@ApiAuthenticated()
@Controller('touches')
export class TouchesController {
  constructor(private readonly readSide: ReadSideService) {}

  @Get()
  @ApiReadModelQuery({ summary: "The staff's follow-up plan: touches due by a day, for an assignee, earliest first, with the lead's name and phone", type: TouchPageView })
  list(@CurrentActor() actor: Actor, @Query() query: TouchListQueryDto): Promise<TouchPage> {
    const { minPosition, due, assignee, status, page, pageSize } = query;
    return this.readSide.touches(actor.dealerId, { due, assignee, status: status ?? 'open', page: page ?? 1, pageSize: pageSize ?? 50 }, minPosition);
  }
}
