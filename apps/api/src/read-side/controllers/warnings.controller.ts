import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@crm/kernel';
import { WarningPage } from '@crm/projections';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { WarningListQueryDto } from '../dto/warning-list-query.dto';
import { ReadSideService } from '../read-side.service';

@ApiTags('read side')
@ApiBearerAuth()
@Controller('warnings')
export class WarningsController {
  constructor(private readonly readSide: ReadSideService) {}

  @Get()
  @ApiOperation({ summary: 'Early warnings (first contact late, going cold, touch overdue, churn risk) raised in [from, to), newest first' })
  @ApiOkResponse({ description: '{ items: WarningRow[], total, page, pageSize }' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field; READ_SIDE_INVALID_PERIOD when from is not before to' })
  @ApiConflictResponse({ description: 'READ_MODEL_BEHIND: minPosition not reached within 2 s' })
  list(@CurrentActor() actor: Actor, @Query() query: WarningListQueryDto): Promise<WarningPage> {
    const { minPosition, from, to, kind, page, pageSize } = query;
    return this.readSide.warnings(actor.dealerId, { from, to, kind, page: page ?? 1, pageSize: pageSize ?? 50 }, minPosition);
  }
}
