import type { LeadEvent } from '@crm/lead';
import { LEAD_EVENT_SAMPLES as S } from '../testing/lead-event.samples';
import { funnelChange, tierChange } from './derived-changes';
import { evolveDerived, LeadDerivedState, NO_DERIVED_STATE } from './lead-derived-state';

/** Folds the events and lists the funnel and tier changes each one caused. */
function changes(events: LeadEvent[]) {
  let state: LeadDerivedState = NO_DERIVED_STATE;
  const out: string[] = [];
  for (const event of events) {
    const next = evolveDerived(state, event);
    const f = funnelChange('lead-1', state, next, event.type);
    const t = tierChange('lead-1', state, next, event.type);
    if (f) out.push(`funnel ${f.previousStage ?? '-'}/${f.previousStatus ?? '-'} -> ${f.stage}/${f.status} (${f.probability}%)`);
    if (t) out.push(`tier ${t.previousTier ?? '-'} -> ${t.tier} (${t.temperature})`);
    state = next;
  }
  return out;
}

describe('funnel and tier changes derived from a lead\'s events', () => {
  it('registration enters the funnel and sets the first tier; stages only move forward', () => {
    expect(changes([S.LeadRegistered, S.CallLogged, S.VehiclePresented, S.NeedsAnalysed, S.TestDriveCompleted])).toEqual([
      'funnel -/- -> initial_contact/open (5%)',
      'tier - -> T2 (hot)',
      'funnel initial_contact/open -> vehicle_presented/open (35%)',
      'funnel vehicle_presented/open -> test_drive/open (40%)',
    ]);
  });

  it('a re-assessment to the same tier says nothing; another tier does', () => {
    const same: LeadEvent = { type: 'PurchaseIntentAssessed', data: { timeframe: 'in_2_3_months', tier: 'T2' } };
    expect(changes([S.LeadRegistered, same, S.PurchaseIntentAssessed]).filter((c) => c.startsWith('tier'))).toEqual([
      'tier - -> T2 (hot)', 'tier T2 -> T1 (hot)',
    ]);
  });

  it('won, lost and reopened are status changes; a lost lead does not move stage until reopened', () => {
    expect(changes([S.LeadRegistered, S.DealLost, S.QuoteGiven, S.LeadReopened, S.QuoteGiven, S.DealWon, S.VehicleDelivered]).filter((c) => c.startsWith('funnel'))).toEqual([
      'funnel -/- -> initial_contact/open (5%)',
      'funnel initial_contact/open -> initial_contact/lost (0%)',
      'funnel initial_contact/lost -> initial_contact/open (5%)',
      'funnel initial_contact/open -> quote/open (90%)',
      'funnel quote/open -> quote/won (90%)',
      'funnel quote/won -> delivered/won (100%)',
    ]);
  });

  it('events before a registration (a foreign or damaged stream) derive nothing', () => {
    expect(changes([S.CallLogged, S.QuoteGiven, S.DealWon])).toEqual([]);
  });
});
