import { Channel } from '@crm/lead';

/** Local wall-clock times 'HH:mm' in the dealer's time zone; quiet from `start` (inclusive) to `end` (exclusive). */
export interface QuietHours {
  start: string;
  end: string;
}

/** Days after which the time-based rules (the dispatcher's) raise their warnings. */
export interface WarningDays {
  /** A hot lead (T1/T2) with no interaction for this long is going cold. */
  goingCold: number;
  /** A touch still open this long after it was due is overdue. */
  touchOverdue: number;
  /** A consultant's follow-up idle this long returns the lead to nurturing. */
  followUpStalled: number;
  /** A delivered customer with no interaction for this long is at risk (churn). */
  churn: number;
}

/** What the dealer stream settles for one dealer, every field present (defaults filled in). */
export interface DealerSettings {
  /** IANA zone, e.g. Asia/Shanghai: quiet hours and calendar dates are read in it. */
  timeZone: string;
  quietHours: QuietHours;
  /** How soon a new lead of each channel must be contacted first. */
  responseMinutes: Record<Channel, number>;
  warningDays: WarningDays;
}

/** A change of settings as `DealerSettingsChanged` records it: only the fields that change. */
export interface DealerSettingsChange {
  timeZone?: string;
  quietHours?: QuietHours;
  responseMinutes?: Partial<Record<Channel, number>>;
  warningDays?: Partial<WarningDays>;
}

/** The effective settings after a change: nested tables merge key by key, the rest is replaced. */
export function applySettingsChange(settings: DealerSettings, change: DealerSettingsChange): DealerSettings {
  return {
    timeZone: change.timeZone ?? settings.timeZone,
    quietHours: change.quietHours ? { ...change.quietHours } : settings.quietHours,
    responseMinutes: { ...settings.responseMinutes, ...change.responseMinutes },
    warningDays: { ...settings.warningDays, ...change.warningDays },
  };
}
