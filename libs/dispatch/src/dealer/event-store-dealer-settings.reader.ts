import { DealerStreamLoader } from '@crm/commands';
import { EventStore } from '@crm/event-store';
import { DealerSettings, dealerStreamId } from '@crm/nurture';
import { DealerSettingsReader } from './dealer-settings.reader';

/**
 * A dealer's settings as its stream folds them (the dealer decider's own evolve, defaults filled in). The loader
 * reads only what was appended since its last read (by any process), so settings are never stale.
 */
export class EventStoreDealerSettingsReader extends DealerSettingsReader {
  private readonly dealers: DealerStreamLoader;

  constructor(store: EventStore) {
    super();
    this.dealers = new DealerStreamLoader(store);
  }

  override async settingsOf(dealerId: string): Promise<DealerSettings> {
    return (await this.dealers.load(dealerStreamId(dealerId))).state.settings;
  }
}
