import { INTENT_TIERS } from '@crm/lead';
import { validateCadenceOverride } from './cadence-override.validation';
import { effectiveCadence, mergeCadenceOverride } from './cadence-override';
import { DEFAULT_CADENCE_POLICY } from './default-cadence';

describe('the default cadence policy', () => {
  it('has a plan for every tier, and every plan would pass as a dealer override', () => {
    for (const tier of INTENT_TIERS) expect(DEFAULT_CADENCE_POLICY.tiers[tier].touches.length).toBeGreaterThan(0);
    expect(() => validateCadenceOverride({ tiers: DEFAULT_CADENCE_POLICY.tiers, winBack: DEFAULT_CADENCE_POLICY.winBack })).not.toThrow();
  });

  it('gives every rule a distinct name, so an auditor can tell which planned a touch', () => {
    const { tiers, winBack, afterSale } = DEFAULT_CADENCE_POLICY;
    const rules = [
      ...Object.values(tiers).flatMap((plan) => plan.touches.map((touch) => touch.rule)),
      ...Object.values(winBack).map((touch) => touch?.rule),
      ...afterSale.followUps.map((touch) => touch.rule),
      afterSale.service.first.rule, afterSale.service.second.rule, afterSale.birthday.rule,
      afterSale.insuranceRenewal.rule, afterSale.annualInspection.rule,
    ];
    expect(new Set(rules).size).toBe(rules.length);
  });

  it("takes a dealer's tier plan and win-back entries in place of the defaults, the rest unchanged", () => {
    const t2 = { handOff: true, touches: [{ rule: 'dealer.T2.sms_week_1', purpose: 'nurture_call' as const, channel: 'sms' as const, content: 'product_comparison' as const, marketing: true, after: { days: 7 } }] };
    const override = mergeCadenceOverride({ winBack: { price: null } }, { tiers: { T2: t2 } });
    const policy = effectiveCadence(DEFAULT_CADENCE_POLICY, override);
    expect(policy.tiers.T2).toEqual(t2);
    expect(policy.tiers.T3).toEqual(DEFAULT_CADENCE_POLICY.tiers.T3);
    expect(policy.winBack.price).toBeUndefined();
    expect(policy.winBack.postponed_purchase).toEqual(DEFAULT_CADENCE_POLICY.winBack.postponed_purchase);
    expect(policy.afterSale).toBe(DEFAULT_CADENCE_POLICY.afterSale);
  });
});
