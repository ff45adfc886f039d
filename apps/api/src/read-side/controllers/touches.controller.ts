import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@crm/kernel';
import { TouchPage } from '@crm/projections';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { TouchListQueryDto } from '../dto/touch-list-query.dto';
import { ReadSideService } from '../read-side.service';

@ApiTags('read side')
@ApiBearerAuth()
@Controller('touches')
export class TouchesController {
  constructor(private readonly readSide: ReadSideService) {}

  @Get()
  @ApiOperation({ summary: "The staff's follow-up plan: touches due by a day, for an assignee, earliest first, with the lead's name and phone" })
  @ApiOkResponse({ description: '{ items: TouchRow[], total, page, pageSize }' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field (due, status, page, ...)' })
  @ApiConflictResponse({ description: 'READ_MODEL_BEHIND: minPosition not reached within 2 s' })
  list(@CurrentActor() actor: Actor, @Query() query: TouchListQueryDto): Promise<TouchPage> {
    const { minPosition, due, assignee, status, page, pageSize } = query;
    return this.readSide.touches(actor.dealerId, { due, assignee, status: status ?? 'open', page: page ?? 1, pageSize: pageSize ?? 50 }, minPosition);
  }
}
