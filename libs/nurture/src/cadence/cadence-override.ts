import { IntentTier, LostReason } from '@crm/lead';
import { CadenceOverride, CadencePolicy, PlannedTouch, TierPlan } from './cadence-policy';

/** A later override wins entry by entry: a tier or a win-back reason named again is replaced. */
export function mergeCadenceOverride(current: CadenceOverride, change: CadenceOverride): CadenceOverride {
  const merged: CadenceOverride = {};
  const tiers = { ...current.tiers, ...change.tiers };
  const winBack = { ...current.winBack, ...change.winBack };
  if (Object.keys(tiers).length > 0) merged.tiers = tiers;
  if (Object.keys(winBack).length > 0) merged.winBack = winBack;
  return merged;
}

/** The dealer's policy: the default with the dealer's entries in place of the default ones. */
export function effectiveCadence(base: CadencePolicy, override: CadenceOverride): CadencePolicy {
  const tiers = { ...base.tiers };
  for (const [tier, plan] of Object.entries(override.tiers ?? {}) as Array<[IntentTier, TierPlan | undefined]>) {
    if (plan) tiers[tier] = plan;
  }
  const winBack: Partial<Record<LostReason, PlannedTouch>> = { ...base.winBack };
  for (const [reason, touch] of Object.entries(override.winBack ?? {}) as Array<[LostReason, PlannedTouch | null | undefined]>) {
    if (touch === null) delete winBack[reason];
    else if (touch) winBack[reason] = touch;
  }
  return { ...base, tiers, winBack };
}

/** The same override whatever the order its keys were written in (to tell a real change from a repeat). */
export function sameCadenceOverride(a: CadenceOverride, b: CadenceOverride): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  const entries = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}
