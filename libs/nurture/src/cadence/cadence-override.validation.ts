import { INTENT_TIERS, LOST_REASONS, NURTURE_CHANNELS, TOUCH_CONTENTS, TOUCH_PURPOSES } from '@crm/lead';
import { DealerErrorCode, dealerFail } from '../dealer/dealer.errors';

const MAX_TOUCHES_PER_TIER = 10;
const OFFSET_LIMITS = { months: 60, days: 1_830, hours: 43_920 } as const;

/**
 * A dealer's cadence entries arrive over the API and are stored on its stream: anything the saga could not plan
 * with is refused here, naming the field (`cadence.tiers.T2.touches[0].after.months`).
 */
export function validateCadenceOverride(value: unknown, field = 'cadence'): void {
  const override = record(value, field);
  onlyKeys(override, ['tiers', 'winBack'], field);
  if (override.tiers !== undefined) {
    const tiers = record(override.tiers, `${field}.tiers`);
    onlyKeys(tiers, INTENT_TIERS, `${field}.tiers`);
    for (const [tier, plan] of Object.entries(tiers)) validateTierPlan(plan, `${field}.tiers.${tier}`);
  }
  if (override.winBack !== undefined) {
    const winBack = record(override.winBack, `${field}.winBack`);
    onlyKeys(winBack, LOST_REASONS, `${field}.winBack`);
    for (const [reason, touch] of Object.entries(winBack)) {
      if (touch !== null) validatePlannedTouch(touch, `${field}.winBack.${reason}`);
    }
  }
}

function validateTierPlan(value: unknown, field: string): void {
  const plan = record(value, field);
  onlyKeys(plan, ['handOff', 'touches'], field);
  if (typeof plan.handOff !== 'boolean') invalid(`${field}.handOff`, 'must be true or false');
  if (!Array.isArray(plan.touches) || plan.touches.length > MAX_TOUCHES_PER_TIER) {
    invalid(`${field}.touches`, `must be a list of at most ${MAX_TOUCHES_PER_TIER} touches`);
  }
  plan.touches.forEach((touch: unknown, index: number) => validatePlannedTouch(touch, `${field}.touches[${index}]`));
}

function validatePlannedTouch(value: unknown, field: string): void {
  const touch = record(value, field);
  onlyKeys(touch, ['rule', 'purpose', 'channel', 'content', 'marketing', 'after'], field);
  if (typeof touch.rule !== 'string' || touch.rule.length === 0 || touch.rule.length > 100) {
    invalid(`${field}.rule`, 'must be a name of 1 to 100 characters');
  }
  oneOf(touch.purpose, TOUCH_PURPOSES, `${field}.purpose`);
  oneOf(touch.channel, NURTURE_CHANNELS, `${field}.channel`);
  oneOf(touch.content, TOUCH_CONTENTS, `${field}.content`);
  if (typeof touch.marketing !== 'boolean') invalid(`${field}.marketing`, 'must be true or false');
  const after = record(touch.after, `${field}.after`);
  onlyKeys(after, Object.keys(OFFSET_LIMITS), `${field}.after`);
  if (Object.keys(after).length === 0) invalid(`${field}.after`, 'needs months, days or hours');
  for (const [unit, amount] of Object.entries(after)) {
    const max = OFFSET_LIMITS[unit as keyof typeof OFFSET_LIMITS];
    if (!Number.isInteger(amount) || (amount as number) < 0 || (amount as number) > max) {
      invalid(`${field}.after.${unit}`, `must be a whole number from 0 to ${max}`);
    }
  }
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(field, 'must be an object');
  return value as Record<string, unknown>;
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], field: string): void {
  const unknown = Object.keys(value).find((key) => !allowed.includes(key));
  if (unknown !== undefined) invalid(`${field}.${unknown}`, `is not one of ${allowed.join(', ')}`);
}

function oneOf(value: unknown, allowed: readonly string[], field: string): void {
  if (typeof value !== 'string' || !allowed.includes(value)) invalid(field, `must be one of ${allowed.join(', ')}`);
}

function invalid(field: string, problem: string): never {
  return dealerFail(DealerErrorCode.InvalidCadence, `${field} ${problem}`, field);
}
