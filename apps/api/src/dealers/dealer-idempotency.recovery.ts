import { Injectable } from '@nestjs/common';
import { DealerStreamLoader } from '@crm/commands';
import { EventStore } from '@crm/event-store';
import { dealerStreamId } from '@crm/nurture';
import { IdempotencyRecovery, RecoveryRequest } from '../idempotency/idempotency-recovery.port';
import { StoredResponse } from '../idempotency/idempotency-store.port';
import { eventsOfRequest } from '../idempotency/keyed-events';
import { revisionETag } from '../leads/if-match';
import { DealerCommandView, toDealerView } from './dealer.view';

/** Rebuilds a dealer command's answer from the events that carry its Idempotency-Key, and the dealer as of them. */
@Injectable()
export class DealerIdempotencyRecovery extends IdempotencyRecovery {
  constructor(private readonly store: EventStore, private readonly dealers: DealerStreamLoader) {
    super();
  }

  override async recover(request: RecoveryRequest): Promise<StoredResponse | undefined> {
    const dealerId = request.params.dealerId;
    if (dealerId === undefined) return undefined;
    const streamId = dealerStreamId(dealerId);
    const mine = eventsOfRequest(await this.store.readStream(streamId), request);
    if (!mine) return undefined;
    const { last, events } = mine;
    const dealer = await this.dealers.loadWith(streamId, { toRevision: last.revision });
    const body: DealerCommandView = { position: last.position, events, dealer: toDealerView(dealerId, last.revision, dealer.state) };
    return { status: 201, body, etag: revisionETag(last.revision) };
  }
}
