import { Injectable } from '@nestjs/common';
import { EventStore } from '@crm/event-store';
import { leadStreamId } from '@crm/lead';
import { IdempotencyRecovery, RecoveryRequest } from '../idempotency/idempotency-recovery.port';
import { StoredResponse } from '../idempotency/idempotency-store.port';
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
    const stream = await this.store.readStream(leadStreamId(leadId));
    const mine = stream.filter((e) => e.metadata.idempotencyKey === request.key && e.metadata.actor.id === request.actor.id);
    const last = mine[mine.length - 1];
    if (!last) return undefined;
    const body: LeadCommandResult = {
      leadId,
      revision: last.revision,
      position: last.position,
      events: mine.map(({ revision, type, data, metadata }) => ({ revision, type, data, metadata })),
    };
    return { status: 201, body, etag: revisionETag(last.revision) };
  }
}

function targetLeadId(request: RecoveryRequest): string {
  if (request.params.id !== undefined) return request.params.id;
  const bodyId = (request.body as { leadId?: unknown } | undefined)?.leadId;
  return typeof bodyId === 'string' ? bodyId : idempotentLeadId(request.actor, request.key);
}
