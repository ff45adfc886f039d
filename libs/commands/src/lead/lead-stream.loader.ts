import { Injectable } from '@nestjs/common';
import { EventStore } from '@crm/event-store';
import { leadDecider, LeadState } from '@crm/lead';
import { StreamLoader } from '../decider/stream-loader';

/** Folds lead streams in occurrence order, caching recent leads; shared by the command path and the queries. */
@Injectable()
export class LeadStreamLoader extends StreamLoader<LeadState> {
  constructor(store: EventStore) {
    super(store, leadDecider);
  }
}
