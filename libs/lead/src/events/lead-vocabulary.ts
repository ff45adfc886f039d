/** The closed lists of the lead's domain (domain.md). Kept as data so validators and schemas can reuse them. */
export const CHANNELS = [
  'walk_in', 'inbound_phone', 'website', 'auto_portal', 'social_media', 'event', 'auto_show',
  'referral', 'third_party_data', 'survey', 'service_department', 'bulk_import',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const PURCHASE_TIMEFRAMES = [
  'within_1_month', 'in_2_3_months', 'in_4_6_months', 'in_7_12_months', 'over_12_months',
] as const;
export type PurchaseTimeframe = (typeof PURCHASE_TIMEFRAMES)[number];

export const INTENT_TIERS = ['T1', 'T2', 'T3', 'T4', 'T5'] as const;
export type IntentTier = (typeof INTENT_TIERS)[number];

export const TEMPERATURES = ['hot', 'warm', 'cold'] as const;
export type Temperature = (typeof TEMPERATURES)[number];

export const PAYMENT_METHODS = ['cash', 'loan', 'undecided'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

export const CALL_OUTCOMES = ['connected', 'no_answer', 'busy', 'wrong_number', 'callback_requested'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const INVITATION_KINDS = ['showroom', 'event', 'test_drive'] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

export const TOUCH_CHANNELS = ['call', 'sms', 'email', 'wechat', 'in_person'] as const;
export type TouchChannel = (typeof TOUCH_CHANNELS)[number];

export const INVITATION_RESPONSES = ['accepted', 'declined', 'tentative'] as const;
export type InvitationResponse = (typeof INVITATION_RESPONSES)[number];

/** Why a lead was lost; `invalid_lead` and `duplicate_lead` close records that were never real prospects. */
export const LOST_REASONS = [
  'bought_competitor_brand', 'bought_same_brand_elsewhere', 'price', 'financing_declined', 'postponed_purchase',
  'no_longer_interested', 'unreachable', 'invalid_lead', 'duplicate_lead', 'other',
] as const;
export type LostReason = (typeof LOST_REASONS)[number];

/** What opened a known customer's next purchase: the first selling step after a delivery. */
export const PURCHASE_CYCLE_REASONS = [
  'purchase_intent', 'needs_analysis', 'vehicle_presentation', 'test_drive', 'quote', 'order',
] as const;
export type PurchaseCycleReason = (typeof PURCHASE_CYCLE_REASONS)[number];

export const HANDOFF_REASONS = ['walk_in', 'hot_tier', 'customer_request', 'manual'] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

export const RETURN_REASONS = ['follow_up_stalled', 'purchase_postponed', 'loss_rejected', 'manual'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export const COMPLAINT_CATEGORIES = ['sales_process', 'price', 'vehicle_quality', 'service', 'delivery', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
