import { Injectable } from '@nestjs/common';
import { LeadStreamLoader, LoadedStream } from '@crm/commands';
import { EventStore, RecordedEvent } from '@crm/event-store';
import { LeadError, LeadErrorCode, LeadState, leadStreamId, upcastLeadEvent } from '@crm/lead';

type LoadedLead = LoadedStream<LeadState>;

export interface LeadEventsPage {
  leadId: string;
  events: Array<Pick<RecordedEvent, 'revision' | 'position' | 'type' | 'data' | 'metadata'>>;
  /** Pass as `after` for the next page; null on the last page. */
  nextAfter: number | null;
}

export interface StateAsOf {
  at?: string;
  asOf?: string;
}

@Injectable()
export class LeadQueryService {
  constructor(
    private readonly store: EventStore,
    private readonly loader: LeadStreamLoader,
  ) {}

  async current(leadId: string, dealerId: string): Promise<LoadedLead> {
    const lead = await this.loader.load(leadStreamId(leadId));
    if (lead.revision < 0 || lead.state.dealerId !== dealerId) throw leadNotFound();
    return lead;
  }

  async events(leadId: string, dealerId: string, after: number, limit: number): Promise<LeadEventsPage> {
    const streamId = leadStreamId(leadId);
    await this.ensureVisible(streamId, dealerId);
    const page = await this.store.readStream(streamId, { fromRevision: after + 1, maxCount: limit + 1 });
    const events = page.slice(0, limit).map((recorded) => ({
      revision: recorded.revision,
      position: recorded.position,
      ...upcastLeadEvent(recorded.type, recorded.metadata.schemaVersion, recorded.data),
      metadata: recorded.metadata,
    }));
    const last = events[events.length - 1];
    return { leadId, events, nextAfter: page.length > limit && last ? last.revision : null };
  }

  /**
   * The lead at a past time: "as it was" (`at`) takes the events that had occurred by then, "as the system knew
   * it" (`asOf`) those recorded by then. Either way they fold in occurrence order, as the current state does, so
   * a back-dated event lands where it happened; a later back-dated call changes the first answer, not the second.
   */
  async stateAt(leadId: string, dealerId: string, { at, asOf }: StateAsOf): Promise<LoadedLead> {
    const streamId = leadStreamId(leadId);
    await this.ensureVisible(streamId, dealerId);
    return this.loader.loadWith(streamId, { occurredUntil: at, recordedUntil: asOf });
  }

  /** A lead of another dealer answers exactly as a missing one: its existence is not the caller's to learn. */
  private async ensureVisible(streamId: string, dealerId: string): Promise<void> {
    const [first] = await this.store.readStream(streamId, { maxCount: 1 });
    if (!first || (first.data as { dealerId?: string }).dealerId !== dealerId) throw leadNotFound();
  }
}

const leadNotFound = (): LeadError => new LeadError(LeadErrorCode.LeadNotFound, 'No lead with this id');
