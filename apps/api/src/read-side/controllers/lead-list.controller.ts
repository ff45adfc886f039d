import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@crm/kernel';
import { LeadPage } from '@crm/projections';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { LeadListQueryDto } from '../dto/lead-list-query.dto';
import { ReadSideService } from '../read-side.service';

@ApiTags('read side')
@ApiBearerAuth()
@Controller('leads')
export class LeadListController {
  constructor(private readonly readSide: ReadSideService) {}

  @Get()
  @ApiOperation({ summary: "The dealer's leads with stage, probability, expected value and tier; filtered, sorted, paged" })
  @ApiOkResponse({ description: '{ items: LeadRow[], total, page, pageSize }; a row shows the current purchase cycle (`cycle`, `purchases`) and, once won, the won quote' })
  @ApiConflictResponse({ description: 'READ_MODEL_BEHIND: minPosition not reached within 2 s' })
  list(@CurrentActor() actor: Actor, @Query() query: LeadListQueryDto): Promise<LeadPage> {
    const { minPosition, page, pageSize, sort, order, ...filters } = query;
    return this.readSide.leads(actor.dealerId, {
      ...filters, sort: sort ?? 'registeredAt', order: order ?? 'desc', page: page ?? 1, pageSize: pageSize ?? 50,
    }, minPosition);
  }
}
