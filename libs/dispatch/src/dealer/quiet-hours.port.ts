import { DealerSettings } from '@crm/nurture';

/**
 * When a touch may go out: the instant itself, or the first moment after the dealer's quiet hours. The saga
 * plans with it; the dispatcher asks again at send time, because the settings may have changed since.
 * (libs/nurture's `nextAllowedSlot` is the one the merge binds here.)
 */
export abstract class QuietHoursPolicy {
  abstract nextAllowedSlot(instant: Date, settings: DealerSettings): Date;
}
