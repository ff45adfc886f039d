import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '@crm/kernel';
import { WarningPage } from '@crm/projections';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { ApiAuthenticated } from '../../http/api-responses.decorators';
import { ApiReadModelQuery } from '../api-read-model-query.decorator';
import { WarningPageView } from '../views/touch-page.view';
import { WarningListQueryDto } from '../dto/warning-list-query.dto';
import { ReadSideService } from '../read-side.service';

@ApiTags('read side')
@ApiAuthenticated()
@Controller('warnings')
export class WarningsController {
  constructor(private readonly readSide: ReadSideService) {}

  @Get()
  @ApiReadModelQuery({ summary: 'Early warnings (first contact late, going cold, touch overdue, churn risk) raised in [from, to), newest first', type: WarningPageView })
  list(@CurrentActor() actor: Actor, @Query() query: WarningListQueryDto): Promise<WarningPage> {
    const { minPosition, from, to, kind, page, pageSize } = query;
    return this.readSide.warnings(actor.dealerId, { from, to, kind, page: page ?? 1, pageSize: pageSize ?? 50 }, minPosition);
  }
}
