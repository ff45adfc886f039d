import { DealerSettings } from '@crm/nurture';

/** A dealer's settings as they stand now: its stream folded over the defaults. */
export abstract class DealerSettingsReader {
  abstract settingsOf(dealerId: string): Promise<DealerSettings>;
}
