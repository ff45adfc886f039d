import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAuthenticated } from '../../http/api-responses.decorators';
import { Actor } from '@crm/kernel';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { ApiResponse } from '../../http/api-request';
import { ApiLeadQuery } from '../api-lead-query.decorator';
import { LeadEventsQueryDto, LeadStateQueryDto } from '../dto/lead-queries.dto';
import { revisionETag } from '../if-match';
import { UuidParamPipe } from '../lead-id.pipe';
import { LeadEventsPageView } from '../lead-events-page.view';
import { LeadEventsPage, LeadQueryService } from '../lead-query.service';
import { LeadStateView, toStateView } from '../lead-state.view';

@ApiTags('leads')
@ApiAuthenticated()
@Controller('leads/:id')
export class LeadQueryController {
  constructor(private readonly queries: LeadQueryService) {}

  @Get()
  @ApiLeadQuery("The lead's current state; the ETag is its revision", LeadStateView)
  async get(@Param('id', UuidParamPipe) id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: ApiResponse): Promise<LeadStateView> {
    const lead = await this.queries.current(id, actor.dealerId);
    res.setHeader('ETag', revisionETag(lead.revision));
    return toStateView(id, lead);
  }

  @Get('events')
  @ApiLeadQuery("The lead's history with metadata, paged by revision", LeadEventsPageView)
  events(@Param('id', UuidParamPipe) id: string, @CurrentActor() actor: Actor, @Query() query: LeadEventsQueryDto): Promise<LeadEventsPage> {
    return this.queries.events(id, actor.dealerId, query.after ?? -1, query.limit ?? 100);
  }

  @Get('state')
  @ApiLeadQuery('The state as it was at `at` (by occurredAt) and/or as the system knew it at `asOf` (by recordedAt)', LeadStateView)
  async stateAt(@Param('id', UuidParamPipe) id: string, @CurrentActor() actor: Actor, @Query() query: LeadStateQueryDto): Promise<LeadStateView> {
    const at = query.at === undefined ? undefined : new Date(query.at).toISOString();
    const asOf = query.asOf === undefined ? undefined : new Date(query.asOf).toISOString();
    return { ...toStateView(id, await this.queries.stateAt(id, actor.dealerId, { at, asOf })), at, asOf };
  }
}
