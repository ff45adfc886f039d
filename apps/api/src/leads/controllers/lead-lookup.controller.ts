import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@crm/kernel';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { ApiResponse } from '../../http/api-request';
import { ApiAuthenticated } from '../../http/api-responses.decorators';
import { ErrorBodyView } from '../../http/error-body.view';
import { revisionETag } from '../if-match';
import { LeadByPhoneQuery } from '../lead-by-phone.query';
import { LeadSummaryView, toLeadSummary } from '../lead-summary.view';

/** Finding a lead from what a caller gives: the phone number of an incoming call. */
@ApiTags('leads')
@ApiAuthenticated()
@Controller('leads/by-phone')
export class LeadLookupController {
  constructor(private readonly byPhone: LeadByPhoneQuery) {}

  @Get(':phone')
  @ApiOperation({ summary: "The caller's lead in the caller's dealer, by phone number (normalised: +86 may be left out)" })
  @ApiOkResponse({ type: LeadSummaryView })
  @ApiBadRequestResponse({ type: ErrorBodyView, description: 'INVALID_PHONE' })
  @ApiNotFoundResponse({ type: ErrorBodyView, description: 'LEAD_NOT_FOUND: no lead of this dealer has the number' })
  async find(@Param('phone') phone: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: ApiResponse): Promise<LeadSummaryView> {
    const lead = await this.byPhone.find(phone, actor.dealerId);
    res.setHeader('ETag', revisionETag(lead.revision));
    return toLeadSummary(lead);
  }
}
