/** The nurture plan's words (domain.md: touches, cadence, early warnings). Kept as data for validators and schemas. */

/** How a touch reaches the lead. An invitation is a purpose, sent through one of these. */
export const NURTURE_CHANNELS = ['call', 'sms', 'email', 'wechat'] as const;
export type NurtureChannel = (typeof NURTURE_CHANNELS)[number];

/** Why a touch is planned: the cadence rule's intent, which is also what its content follows. */
export const TOUCH_PURPOSES = [
  'first_contact', 'showroom_invitation', 'event_invitation', 'nurture_call', 'callback', 'consultant_follow_up',
  'after_sale_day_3', 'after_sale_day_7', 'first_service', 'second_service', 'birthday', 'insurance_renewal',
  'annual_inspection', 'win_back',
] as const;
export type TouchPurpose = (typeof TOUCH_PURPOSES)[number];

/** What the message or call is about (domain.md: product comparison, keep in touch, brand awareness, care). */
export const TOUCH_CONTENTS = ['product_comparison', 'keep_in_touch', 'brand_awareness', 'after_sale_care', 'win_back_offer'] as const;
export type TouchContent = (typeof TOUCH_CONTENTS)[number];

export const TOUCH_CANCEL_REASONS = [
  'replaced_by_new_plan', 'deal_won', 'deal_lost', 'consent_withdrawn', 'lead_reopened', 'manual',
] as const;
export type TouchCancelReason = (typeof TOUCH_CANCEL_REASONS)[number];

export const TOUCH_OUTCOMES = ['reached', 'no_answer', 'declined', 'done'] as const;
export type TouchOutcome = (typeof TOUCH_OUTCOMES)[number];

/** scheduled -> sent -> completed; or cancelled / failed; `overdue` is a flag, not a status. */
export const TOUCH_STATUSES = ['scheduled', 'sent', 'completed', 'cancelled', 'failed'] as const;
export type TouchStatus = (typeof TOUCH_STATUSES)[number];

/** domain.md's early warnings. */
export const WARNING_KINDS = ['first_contact_late', 'going_cold', 'touch_overdue', 'churn_risk'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];
