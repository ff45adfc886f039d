import { Injectable } from '@nestjs/common';
import { EventStore, RecordedEvent } from '@crm/event-store';
import { leadStreamId, upcastLeadEvent } from '@crm/lead';
import { ApiErrorCode } from '../http/api-error-code';
import { ApiError } from '../http/api-error';
import { emptyLead, foldLead, LoadedLead, LeadStreamLoader } from './lead-stream.loader';

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
    const lead = await this.loader.load(leadId);
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
   * The lead at a past time. "As it was" (`at`) takes the events that had occurred by then; "as the system knew
   * it" (`asOf`) takes what had been recorded by then, so a later back-dated call changes the first answer but
   * not the second. Either way they are folded in the order they happened, like the current state.
   */
  async stateAt(leadId: string, dealerId: string, { at, asOf }: StateAsOf): Promise<LoadedLead> {
    const streamId = leadStreamId(leadId);
    await this.ensureVisible(streamId, dealerId);
    const events = await this.store.readStream(streamId, { occurredUntil: at, recordedUntil: asOf });
    if (events.length === 0) return emptyLead();
    return foldLead(events);
  }

  /** A lead of another dealer answers exactly as a missing one: its existence is not the caller's to learn. */
  private async ensureVisible(streamId: string, dealerId: string): Promise<void> {
    const [first] = await this.store.readStream(streamId, { maxCount: 1 });
    if (!first || (first.data as { dealerId?: string }).dealerId !== dealerId) throw leadNotFound();
  }
}

const leadNotFound = (): ApiError => new ApiError(ApiErrorCode.LeadNotFound, 'No lead with this id', 'not_found');
