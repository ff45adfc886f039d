import { EventStore, RecordedEvent } from '@crm/event-store';
import { LEAD_STREAM_PREFIX, leadIdFromStream } from '@crm/lead';
import { SimulatedDealership } from '../model/dealership';
import { dealWonActions, lossRequestActions, salesStoryActions } from '../model/sales-story';
import { touchSentActions } from '../model/staff-behaviour';
import { LogAudit } from '../report/log-audit';
import { MirroredLead } from './lead-mirror';
import { PlannedAction } from './planned-action';

const PAGE = 5_000;

/**
 * Reads the global log after each clock step, as staff read their screens: it keeps each lead's mirror and the
 * audit up to date and turns what happened into what people do next (a consultant follows up a hand-off, someone
 * does the touch that reached the to-do list, the manager decides a loss request, a won deal is delivered).
 */
export class LogFollower {
  private position = 0;
  readonly audit = new LogAudit();

  constructor(private readonly store: EventStore, private readonly dealer: SimulatedDealership, private readonly leads: ReadonlyMap<string, MirroredLead>) {}

  /** Everything appended since the last call, and the reactions to it, planned from `now` on. */
  async follow(now: number): Promise<PlannedAction[]> {
    const planned: PlannedAction[] = [];
    for (;;) {
      const events = await this.store.readAll({ afterPosition: this.position, maxCount: PAGE });
      for (const event of events) {
        this.audit.apply(event);
        planned.push(...this.react(event, now));
        this.position = event.position;
      }
      if (events.length < PAGE) return planned;
    }
  }

  private react(event: RecordedEvent, now: number): PlannedAction[] {
    if (!event.streamId.startsWith(LEAD_STREAM_PREFIX)) return [];
    const lead = this.leads.get(leadIdFromStream(event.streamId));
    if (!lead) return [];
    lead.apply(event);
    const ctx = { dealer: this.dealer, lead };
    const data = event.data as Record<string, unknown>;
    switch (event.type) {
      case 'ConsultantAssigned':
        return lead.status === 'active' ? salesStoryActions(ctx, data.consultantId as string, now, data.reason === 'walk_in') : [];
      case 'TouchSent':
        return touchSentActions(ctx, data.touchId as string, now);
      case 'LossRequested':
        return lossRequestActions(ctx, data.requestId as string, now);
      case 'DealWon':
        return dealWonActions(ctx, now);
      default:
        return [];
    }
  }
}
