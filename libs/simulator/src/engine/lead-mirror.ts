import { RecordedEvent } from '@crm/event-store';
import { PurchaseTimeframe, TouchPurpose } from '@crm/lead';
import { LeadArrival } from '../model/lead-arrivals';
import { SeededRandom } from '../random/seeded-random';

export type MirroredStatus = 'active' | 'loss_pending' | 'won' | 'delivered' | 'lost';

export interface MirroredTouch {
  rule: string;
  purpose: TouchPurpose;
  marketing: boolean;
}

/**
 * What the simulated staff know of one lead, learnt from the log as they would learn it from their screens: its
 * status, its consultant, its intended purchase time and its planned touches. It decides nothing; the planners
 * read it so that, for instance, a CRM agent does not close a lead that a consultant is selling to.
 */
export class MirroredLead {
  status: MirroredStatus = 'active';
  consultantId: string | undefined;
  timeframe: PurchaseTimeframe;
  readonly touches = new Map<string, MirroredTouch>();
  private readonly counters = new Map<string, number>();

  constructor(readonly arrival: LeadArrival, private readonly rng: SeededRandom) {
    this.timeframe = arrival.timeframe;
  }

  get leadId(): string {
    return this.arrival.leadId;
  }

  /**
   * A random stream for the n-th occurrence of `what` in this lead's story: the draw depends on the lead and on
   * what happens to it, never on when other leads' commands happened to run.
   */
  random(what: string): SeededRandom {
    const n = (this.counters.get(what) ?? 0) + 1;
    this.counters.set(what, n);
    return this.rng.fork(`${what}#${n}`);
  }

  /** Folds one event of the lead's stream into what staff know. */
  apply(event: RecordedEvent): void {
    const data = event.data as Record<string, unknown>;
    switch (event.type) {
      case 'PurchaseIntentAssessed':
        this.timeframe = data.timeframe as PurchaseTimeframe;
        return;
      case 'ConsultantAssigned':
        this.consultantId = data.consultantId as string;
        return;
      case 'LeadReturnedToNurturing':
        this.consultantId = undefined;
        return;
      case 'TouchScheduled':
        this.touches.set(data.touchId as string, { rule: data.rule as string, purpose: data.purpose as TouchPurpose, marketing: data.marketing === true });
        return;
      case 'LossRequested':
        this.status = 'loss_pending';
        return;
      case 'LossRejected':
      case 'LeadReopened':
        this.status = 'active';
        return;
      case 'DealLost':
        this.status = 'lost';
        this.consultantId = undefined;
        return;
      case 'DealWon':
        this.status = 'won';
        return;
      case 'VehicleDelivered':
        this.status = 'delivered';
        return;
      default:
    }
  }
}
