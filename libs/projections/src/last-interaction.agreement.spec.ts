import fc from 'fast-check';
import { evolve, initialLeadState, LeadState } from '@crm/lead';
import { FunnelProjection } from './funnel/funnel.projection';
import { leadFactsArbitrary, TimedFact } from './testing/lead-event.arbitrary';
import { project } from './testing/projection.harness';
import { TierProjection } from './tiers/tier.projection';

const foldDecider = (facts: readonly TimedFact[]): LeadState =>
  facts.reduce((state, { event, occurredAt }) => evolve(state, event, { occurredAt }), initialLeadState);

describe("lastInteractionAt: the decider's and the read side's agree (one definition in libs/lead)", () => {
  it('on any history, back-dated entries included', () => {
    fc.assert(fc.property(leadFactsArbitrary('l1'), (facts) => {
      const rows = facts.map(({ occurredAt, event }): [string, typeof event] => [occurredAt, event]);
      const decided = foldDecider(facts).lastInteractionAt ?? null;
      expect(project(new FunnelProjection(), 'l1', rows)?.lastInteractionAt).toBe(decided);
      expect(project(new TierProjection(), 'l1', rows)?.lastInteractionAt).toBe(decided);
    }), { numRuns: 200 });
  });
});
