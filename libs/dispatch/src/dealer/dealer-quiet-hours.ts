import { DealerSettings, nextAllowedSlot } from '@crm/nurture';
import { QuietHoursPolicy } from './quiet-hours.port';

/** The dealer's quiet hours as the nurture plan reads them (one DST-safe rule for planning and for sending). */
export class DealerQuietHours extends QuietHoursPolicy {
  override nextAllowedSlot(instant: Date, settings: DealerSettings): Date {
    return new Date(nextAllowedSlot(instant, settings));
  }
}
