import { applyDecorators, Body, Controller, Delete, Get, HttpStatus, Param, Post, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse,
  ApiOperation, ApiPreconditionFailedResponse, ApiTags,
} from '@nestjs/swagger';
import { DealerCommandInput, DealerStreamLoader, ExecuteDealerCommand } from '@crm/commands';
import { Actor } from '@crm/kernel';
import { dealerStreamId } from '@crm/nurture';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiResponse } from '../http/api-request';
import { ApiAuthenticated, ApiIdempotentCommand, ApiJsonBodyErrors } from '../http/api-responses.decorators';
import { ErrorBodyView } from '../http/error-body.view';
import { IdempotentExecutor } from '../idempotency/idempotent-executor';
import { reply } from '../leads/command-reply';
import { CommandOriginFactory } from '../leads/command-origin.factory';
import { CommandRequest, CommandRequestParam } from '../leads/command-request';
import { revisionETag } from '../leads/if-match';
import { assertManagesDealer } from './dealer-access';
import { DealerIdPipe } from './dealer-id.pipe';
import { DealerCommandView, DealerView, fromLoaded, toCommandView } from './dealer.view';
import { AddConsultantDto } from './dto/add-consultant.dto';
import { ChangeDealerSettingsDto } from './dto/dealer-settings.dto';

/** The dealer's settings and consultants (the dealer stream), for its managers and admins. */
@ApiTags('dealers')
@ApiAuthenticated()
@ApiBadRequestResponse({ type: ErrorBodyView, description: 'VALIDATION_FAILED naming dealerId when it is not a dealer id' })
@ApiForbiddenResponse({ type: ErrorBodyView, description: 'DEALER_ACCESS_FORBIDDEN: only a manager or an admin of the dealer' })
@ApiNotFoundResponse({ type: ErrorBodyView, description: "DEALER_NOT_FOUND (another dealer's id) or CONSULTANT_NOT_FOUND" })
@Controller('dealers/:dealerId')
export class DealersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly origins: CommandOriginFactory,
    private readonly dealers: DealerStreamLoader,
    private readonly idempotency: IdempotentExecutor,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The settings in force (defaults filled in), the consultants and the cadence entries; the ETag is the revision' })
  @ApiOkResponse({ type: DealerView })
  async get(@Param('dealerId', DealerIdPipe) dealerId: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: ApiResponse): Promise<DealerView> {
    assertManagesDealer(actor, dealerId);
    const loaded = await this.dealers.load(dealerStreamId(dealerId));
    res.setHeader('ETag', revisionETag(loaded.revision));
    return fromLoaded(dealerId, loaded);
  }

  @Put('settings')
  @ApiOperation({ summary: 'Change the time zone, quiet hours, response times, warning days or cadence entries (only what is sent)' })
  @ApiDealerCommand('VALIDATION_FAILED, INVALID_TIME_ZONE, INVALID_QUIET_HOURS, INVALID_RESPONSE_MINUTES, INVALID_WARNING_DAYS, INVALID_CADENCE')
  changeSettings(@Param('dealerId', DealerIdPipe) dealerId: string, @Body() dto: ChangeDealerSettingsDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Promise<DealerCommandView> {
    const { reason, ...settings } = plain(dto);
    return this.send(res, dealerId, { type: 'ChangeDealerSettings', data: settings }, request, reason);
  }

  @Post('consultants')
  @ApiOperation({ summary: 'A consultant joins the dealer (takes the last seat of the round robin); again: nothing changes' })
  @ApiDealerCommand('VALIDATION_FAILED or INVALID_CONSULTANT')
  addConsultant(@Param('dealerId', DealerIdPipe) dealerId: string, @Body() dto: AddConsultantDto,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Promise<DealerCommandView> {
    const { reason, consultantId, name } = plain(dto);
    return this.send(res, dealerId, { type: 'AddConsultant', data: { consultantId, name } }, request, reason);
  }

  @Delete('consultants/:consultantId')
  @ApiOperation({ summary: 'A consultant leaves: no new lead is routed to them; the leads they own stay theirs' })
  @ApiOkResponse({ type: DealerCommandView, description: 'Removed (200: a removal creates nothing)' })
  @ApiIdempotentCommand()
  @ApiConflictResponse({ type: ErrorBodyView, description: 'DEALER_BUSY: others kept changing the dealer; send it again' })
  @ApiPreconditionFailedResponse({ type: ErrorBodyView, description: 'DEALER_REVISION_MISMATCH: If-Match is not the current revision' })
  async removeConsultant(@Param('dealerId', DealerIdPipe) dealerId: string, @Param('consultantId') consultantId: string,
    @CommandRequestParam() request: CommandRequest, @Res({ passthrough: true }) res: ApiResponse): Promise<DealerCommandView> {
    return this.send(res, dealerId, { type: 'RemoveConsultant', data: { consultantId } }, request, undefined, HttpStatus.OK);
  }

  /**
   * 201 when the command recorded something (`created`), 200 when it changed nothing; the ETag is the dealer's
   * revision. Once per Idempotency-Key, like the lead's commands.
   */
  private async send(
    res: ApiResponse, dealerId: string, command: DealerCommandInput, request: CommandRequest, reason?: string, created = HttpStatus.CREATED,
  ): Promise<DealerCommandView> {
    assertManagesDealer(request.actor, dealerId);
    const origin = this.origins.fromRequest(request, reason === undefined ? {} : { reason });
    const answer = await this.idempotency.run(request.idempotency, async () => {
      const result = await this.commands.execute(new ExecuteDealerCommand(dealerId, command, origin));
      const status = result.events.length > 0 ? created : HttpStatus.OK;
      return { status, body: toCommandView(result), etag: revisionETag(result.revision) };
    });
    return reply<DealerCommandView>(res, answer);
  }
}

/** A dealer command route: what it answers, and when. */
function ApiDealerCommand(badRequest: string): MethodDecorator {
  return applyDecorators(
    ApiHeader({ name: 'If-Match', required: false, description: 'Expected dealer revision (the ETag); 412 when stale' }),
    ApiIdempotentCommand(),
    ApiCreatedResponse({ type: DealerCommandView, description: 'Recorded; the ETag is the new revision' }),
    ApiOkResponse({ type: DealerCommandView, description: 'Nothing to change; the ETag is the current revision' }),
    ApiJsonBodyErrors(badRequest),
    ApiConflictResponse({ type: ErrorBodyView, description: 'DEALER_BUSY: others kept changing the dealer; send it again' }),
    ApiPreconditionFailedResponse({ type: ErrorBodyView, description: 'DEALER_REVISION_MISMATCH: If-Match is not the current revision' }),
  );
}

/** Validated DTOs are class instances; the events carry plain JSON without undefined members. */
function plain<T extends object>(dto: T): T {
  return JSON.parse(JSON.stringify(dto)) as T;
}
