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

  async current(leadId: string): Promise<LoadedLead> {
    return existing(await this.loader.load(leadId));
  }

  async events(leadId: string, after: number, limit: number): Promise<LeadEventsPage> {
    const streamId = leadStreamId(leadId);
    const page = await this.store.readStream(streamId, { fromRevision: after + 1, maxCount: limit + 1 });
    if (page.length === 0) await this.ensureExists(streamId);
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
   * The lead at a past time. "As it was" (`at`) takes the events that had occurred by then and folds them in
   * occurredAt order: a back-dated event is stored after events that happened later, and folding in revision
   * order would let it overwrite them. "As the system knew it" (`asOf`) takes what had been recorded by then,
   * in the order it was recorded, so a later back-dated call changes the first answer but not the second.
   */
  async stateAt(leadId: string, { at, asOf }: StateAsOf): Promise<LoadedLead> {
    const streamId = leadStreamId(leadId);
    const events = await this.store.readStream(streamId, { occurredUntil: at, recordedUntil: asOf });
    if (events.length === 0) {
      await this.ensureExists(streamId);
      return emptyLead();
    }
    return foldLead(at === undefined ? events : byOccurrence(events));
  }

  private async ensureExists(streamId: string): Promise<void> {
    const [first] = await this.store.readStream(streamId, { maxCount: 1 });
    if (!first) throw leadNotFound();
  }
}

function byOccurrence(events: RecordedEvent[]): RecordedEvent[] {
  return [...events].sort((a, b) => a.metadata.occurredAt.localeCompare(b.metadata.occurredAt) || a.revision - b.revision);
}

function existing(lead: LoadedLead): LoadedLead {
  if (lead.revision < 0) throw leadNotFound();
  return lead;
}

const leadNotFound = (): ApiError => new ApiError(ApiErrorCode.LeadNotFound, 'No lead with this id', 'not_found');
