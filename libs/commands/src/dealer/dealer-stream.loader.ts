import { Injectable } from '@nestjs/common';
import { EventStore } from '@crm/event-store';
import { DealerState, dealerDecider } from '@crm/nurture';
import { StreamLoader } from '../decider/stream-loader';

/** Folds `dealer-<id>` streams (settings, consultants, routings), caching recent dealers like the lead loader. */
@Injectable()
export class DealerStreamLoader extends StreamLoader<DealerState> {
  constructor(store: EventStore) {
    super(store, dealerDecider);
  }
}
