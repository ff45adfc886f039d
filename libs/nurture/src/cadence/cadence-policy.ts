import { IntentTier, LostReason, NurtureChannel, TouchContent, TouchPurpose } from '@crm/lead';

/** What a planned touch is: the rule that plans it (auditors read it on the event), why, how, about what. */
export interface TouchKind {
  /** Names the policy entry, e.g. `cadence.T2.call_month_1`; kept on TouchScheduled. */
  rule: string;
  purpose: TouchPurpose;
  channel: NurtureChannel;
  content: TouchContent;
  /** Marketing touches need the lead's consent (domain.md: no marketing without it). */
  marketing: boolean;
}

/** A calendar offset, added in the dealer's time zone (a month is a calendar month, a day a calendar day). */
export interface Offset {
  months?: number;
  days?: number;
  hours?: number;
}

/** A touch due some time after the event that plans it (an assessment, a delivery, a loss). */
export interface PlannedTouch extends TouchKind {
  after: Offset;
}

/** A touch tied to a calendar date (a birthday, an expiry): due `daysBefore` it, at `localTime` in the dealer's zone. */
export interface DatedTouch extends TouchKind {
  daysBefore: number;
  localTime: string;
}

/** What an intent tier gets when it is assessed: the touches, and whether a consultant takes the lead over. */
export interface TierPlan {
  touches: PlannedTouch[];
  handOff: boolean;
}

/** Service reminders are estimated from the odometer at delivery (domain.md: "first service, estimated from mileage"). */
export interface ServicePolicy {
  firstServiceKm: number;
  /** The first service is due after this many months even if the car is driven little. */
  firstServiceMaxMonths: number;
  intervalKm: number;
  intervalMaxMonths: number;
  /** The mileage assumed per month when nothing else is known. */
  kmPerMonth: number;
  first: DatedTouch;
  second: DatedTouch;
}

export interface AfterSalePolicy {
  /** Customer-service calls a few days after delivery. */
  followUps: PlannedTouch[];
  service: ServicePolicy;
  birthday: DatedTouch;
  /** When the delivery records no expiry date, the policy bought with the car runs this long. */
  insuranceRenewal: DatedTouch & { defaultTermMonths: number };
  /** When the delivery records no inspection date, the first is due this long after delivery. */
  annualInspection: DatedTouch & { defaultMonthsAfterDelivery: number };
}

/** The dealer's cadence as data: the saga reads it, never a literal of its own. */
export interface CadencePolicy {
  tiers: Record<IntentTier, TierPlan>;
  /** At most one win-back touch, by lost reason; a reason absent here plans none. */
  winBack: Partial<Record<LostReason, PlannedTouch>>;
  afterSale: AfterSalePolicy;
  /** The purposes a new plan replaces while they are still scheduled (not those a customer asked for). */
  planPurposes: readonly TouchPurpose[];
}

/**
 * A dealer's own entries, kept on its stream (DealerSettingsChanged.cadence): a tier's plan is replaced whole,
 * a win-back reason is replaced or (null) switched off; everything not named stays the default.
 */
export interface CadenceOverride {
  tiers?: Partial<Record<IntentTier, TierPlan>>;
  winBack?: Partial<Record<LostReason, PlannedTouch | null>>;
}
