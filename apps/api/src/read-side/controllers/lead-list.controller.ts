import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../../http/api-responses.decorators';
import { Actor } from '@crm/kernel';
import { LeadPage } from '@crm/projections';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { ApiReadModelQuery } from '../api-read-model-query.decorator';
import { LeadListQueryDto } from '../dto/lead-list-query.dto';
import { ReadSideService } from '../read-side.service';
import { LeadPageView } from '../views/lead-page.view';

@ApiTags('read side')
@ApiAuthenticated()
@Controller('leads')
export class LeadListController {
  constructor(private readonly readSide: ReadSideService) {}

  @Get()
  @ApiReadModelQuery({
    summary: "The dealer's leads with stage, probability, expected value and tier; filtered, sorted, paged. A row shows the "
      + 'current purchase cycle (`cycle`, `purchases`) and, once won, the won quote',
    type: LeadPageView,
  })
  list(@CurrentActor() actor: Actor, @Query() query: LeadListQueryDto): Promise<LeadPage> {
    const { minPosition, page, pageSize, sort, order, ...filters } = query;
    return this.readSide.leads(actor.dealerId, {
      ...filters, sort: sort ?? 'registeredAt', order: order ?? 'desc', page: page ?? 1, pageSize: pageSize ?? 50,
    }, minPosition);
  }
}
