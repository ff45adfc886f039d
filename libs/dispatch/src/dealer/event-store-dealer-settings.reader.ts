import { EventStore } from '@crm/event-store';
import { DEFAULT_DEALER_SETTINGS } from './dealer-defaults';
import {
  applySettingsChange, DEALER_SETTINGS_CHANGED, DealerSettings, DealerSettingsChange, dealerStreamId,
} from './dealer-settings';
import { DealerSettingsReader } from './dealer-settings.reader';

interface Folded {
  settings: DealerSettings;
  revision: number;
}

/**
 * Folds `DealerSettingsChanged` of the dealer stream over the defaults. Each call reads only what was appended
 * since the last one (by any process), so settings are never stale and a hot dealer costs one short read.
 */
export class EventStoreDealerSettingsReader extends DealerSettingsReader {
  private readonly folded = new Map<string, Folded>();

  constructor(private readonly store: EventStore, private readonly defaults: DealerSettings = DEFAULT_DEALER_SETTINGS) {
    super();
  }

  override async settingsOf(dealerId: string): Promise<DealerSettings> {
    const known = this.folded.get(dealerId) ?? { settings: this.defaults, revision: -1 };
    const events = await this.store.readStream(dealerStreamId(dealerId), { fromRevision: known.revision + 1 });
    if (events.length === 0) return known.settings;
    let { settings, revision } = known;
    for (const event of events) {
      if (event.type === DEALER_SETTINGS_CHANGED) settings = applySettingsChange(settings, event.data as DealerSettingsChange);
      revision = event.revision;
    }
    this.folded.set(dealerId, { settings, revision });
    return settings;
  }
}
