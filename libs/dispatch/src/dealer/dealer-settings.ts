import { Channel } from '@crm/lead';

/** Local time of day, 'HH:mm' (24 h). */
export type TimeOfDay = string;

export interface QuietHours {
  start: TimeOfDay;
  end: TimeOfDay;
}

export interface WarningDays {
  /** A hot lead (T1/T2) with no interaction for this many days is going cold. */
  goingCold: number;
  /** A touch not completed this many days after it was due is overdue. */
  touchOverdue: number;
  /** A consultant's lead with no interaction for this many days returns to nurturing. */
  followUpStalled: number;
  /** A delivered customer with no interaction for this many days is a churn risk. */
  churn: number;
}

/** What the dispatcher and the due index need to know of a dealer (its stream `dealer-<id>`, or the defaults). */
export interface DealerSettings {
  /** IANA time zone in which quiet hours are read. */
  timeZone: string;
  quietHours: QuietHours;
  /** Minutes within which a new lead of each channel must be contacted. */
  responseMinutes: Record<Channel, number>;
  warningDays: WarningDays;
}

/** `DealerSettingsChanged` as the dealer stream records it: only the fields that change. */
export interface DealerSettingsChange {
  timeZone?: string;
  quietHours?: QuietHours;
  responseMinutes?: Partial<Record<Channel, number>>;
  warningDays?: Partial<WarningDays>;
}

export const DEALER_STREAM_PREFIX = 'dealer-';
export const dealerStreamId = (dealerId: string): string => `${DEALER_STREAM_PREFIX}${dealerId}`;
export const dealerIdFromStream = (streamId: string): string => streamId.slice(DEALER_STREAM_PREFIX.length);
export const DEALER_SETTINGS_CHANGED = 'DealerSettingsChanged';

/** Changes fold over the settings in stream order; a field a change leaves out keeps its value. */
export function applySettingsChange(settings: DealerSettings, change: DealerSettingsChange): DealerSettings {
  return {
    timeZone: change.timeZone ?? settings.timeZone,
    quietHours: change.quietHours ? { ...change.quietHours } : settings.quietHours,
    responseMinutes: { ...settings.responseMinutes, ...definedOnly(change.responseMinutes) },
    warningDays: { ...settings.warningDays, ...definedOnly(change.warningDays) },
  };
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'number')) as Partial<T>;
}
