import { StreamLoader } from '@crm/commands';
import { CheckpointedConsumer, RecordedEvent, RestartFromCheckpoint } from '@crm/event-store';
import { LEAD_STREAM_PREFIX, LeadState, leadIdFromStream, leadStreamId } from '@crm/lead';
import { DEALER_STREAM_PREFIX, dealerIdFromStream, DealerSettings, DealerSettingsChanged } from '@crm/nurture';
import { DealerSettingsReader } from '../dealer/dealer-settings.reader';
import { dueEntriesOf } from '../due/due-entries';
import { LeadDueEntries } from '../due/due-entry';
import { DueWorkStore } from '../store/due-work-store.port';

export const DUE_INDEX = 'due-index';

/**
 * Keeps the due index: for every lead a batch touches, the lead's due work is derived again from its state as
 * the event store holds it now, and stored with the batch's checkpoint in one commit. A dealer's settings
 * change re-derives every lead of that dealer that has work pending. Deriving from the current state (rather
 * than the state as of the batch) makes a replay and a rebuild converge on the same entries, and an event
 * processed twice writes nothing new.
 */
export class DueIndexConsumer implements CheckpointedConsumer {
  readonly name = DUE_INDEX;
  private position = 0;

  constructor(
    private readonly store: DueWorkStore,
    private readonly leads: StreamLoader<LeadState>,
    private readonly dealers: DealerSettingsReader,
  ) {}

  async loadCheckpoint(): Promise<number> {
    this.position = await this.store.checkpoint();
    return this.position;
  }

  async handle(events: readonly RecordedEvent[]): Promise<void> {
    const last = events[events.length - 1];
    if (!last) return;
    const changes: LeadDueEntries[] = [];
    // One read of each dealer's settings per batch: a batch holds many leads of few dealers.
    const settingsOf = memoise((dealerId: string) => this.dealers.settingsOf(dealerId));
    for (const leadId of await this.leadsConcerned(events)) {
      const entries = await this.entriesOf(leadId, settingsOf);
      if (entries) changes.push(entries);
    }
    if (!(await this.store.commit(changes, this.position, last.position))) {
      throw new RestartFromCheckpoint(`${DUE_INDEX}: checkpoint moved (another worker, or a rebuild)`);
    }
    this.position = last.position;
  }

  private async leadsConcerned(events: readonly RecordedEvent[]): Promise<Set<string>> {
    const leadIds = new Set<string>();
    for (const event of events) {
      if (event.streamId.startsWith(LEAD_STREAM_PREFIX)) leadIds.add(leadIdFromStream(event.streamId));
      else if (event.streamId.startsWith(DEALER_STREAM_PREFIX) && event.type === ('DealerSettingsChanged' satisfies DealerSettingsChanged['type'])) {
        for (const leadId of await this.store.leadsOfDealer(dealerIdFromStream(event.streamId))) leadIds.add(leadId);
      }
    }
    return leadIds;
  }

  private async entriesOf(leadId: string, settingsOf: (dealerId: string) => Promise<DealerSettings>): Promise<LeadDueEntries | undefined> {
    const { state } = await this.leads.load(leadStreamId(leadId));
    // Events of a lead never registered change nothing the rules could act on.
    if (state.status === 'unregistered') return undefined;
    const settings = await settingsOf(state.dealerId);
    return { leadId, dealerId: state.dealerId, entries: dueEntriesOf(state, settings) };
  }
}

function memoise<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const loaded = new Map<string, Promise<T>>();
  return (key) => {
    let value = loaded.get(key);
    if (!value) loaded.set(key, (value = load(key)));
    return value;
  };
}
