import { Injectable } from '@nestjs/common';
import { EventStore } from '@crm/event-store';
import { leadStreamId } from '@crm/lead';
import { IdempotencyRecovery, RecoveryRequest } from '../idempotency/idempotency-recovery.port';
import { StoredResponse } from '../idempotency/idempotency-store.port';
import { eventsOfRequest } from '../idempotency/keyed-events';
import { idempotentLeadId } from './idempotent-lead-id';
import { revisionETag } from './if-match';
import { LeadCommandResult } from './lead-command.result';

/** Rebuilds a command's answer from the events that carry its Idempotency-Key in their metadata. */
@Injectable()
export class LeadIdempotencyRecovery extends IdempotencyRecovery {
  constructor(private readonly store: EventStore) {
    super();
  }

  override async recover(request: RecoveryRequest): Promise<StoredResponse | undefined> {
    const leadId = targetLeadId(request);
    const mine = eventsOfRequest(await this.store.readStream(leadStreamId(leadId)), request);
    if (!mine) return undefined;
    const { events, last } = mine;
    const body: LeadCommandResult = { leadId, revision: last.revision, position: last.position, events };
    return { status: 201, body, etag: revisionETag(last.revision) };
  }
}

function targetLeadId(request: RecoveryRequest): string {
  if (request.params.id !== undefined) return request.params.id;
  const bodyId = (request.body as { leadId?: unknown } | undefined)?.leadId;
  return typeof bodyId === 'string' ? bodyId : idempotentLeadId(request.actor, request.key);
}
