import fc from 'fast-check';
import { LeadEvent } from '../events/lead-events';
import { INTENT_TIERS } from '../events/lead-vocabulary';
import { dealLost, dealWon, quoteGiven, registration, testDriveScheduled } from '../testing/lead-fixtures';
import { compareInstants } from './instants';
import { extendLeadHistory, foldLeadHistory, LeadFact } from './lead-history';

const at = (minute: number): string => new Date(Date.UTC(2026, 0, 4, 8, minute)).toISOString();
const registered: LeadEvent = { type: 'LeadRegistered', data: registration() };
const assessed = (tier: (typeof INTENT_TIERS)[number]): LeadEvent => ({ type: 'PurchaseIntentAssessed', data: { timeframe: 'in_2_3_months', tier } });
const facts = (...list: Array<[number, LeadEvent]>): LeadFact[] => list.map(([minute, event], revision) => ({ event, occurredAt: at(minute), revision }));

describe('foldLeadHistory: a lead folded in the order its facts happened', () => {
  it('lets a later assessment win over a back-dated one recorded after it', () => {
    const { state } = foldLeadHistory(facts([0, registered], [30, assessed('T4')], [10, assessed('T5')]));
    expect(state.tier).toBe('T4');
  });

  it('breaks ties in time by revision, and never folds anything before the registration', () => {
    expect(foldLeadHistory(facts([0, registered], [5, assessed('T2')], [5, assessed('T3')])).state.tier).toBe('T3');
    const early = foldLeadHistory([{ event: assessed('T1'), occurredAt: at(0), revision: 1 }, { event: registered, occurredAt: at(9), revision: 0 }]);
    expect(early.state).toMatchObject({ status: 'active', tier: 'T1' });
  });

  it('extends a fold with later facts, and refuses (undefined) when one happened before the latest folded', () => {
    const all = facts([0, registered], [10, assessed('T5')], [20, assessed('T3')], [15, assessed('T1')]);
    const base = foldLeadHistory(all.slice(0, 2));
    expect(extendLeadHistory(base, all.slice(2, 3))).toEqual(foldLeadHistory(all.slice(0, 3)));
    expect(extendLeadHistory(foldLeadHistory(all.slice(0, 3)), all.slice(3))).toBeUndefined();
  });

  it('compares instants by time, with or without an offset', () => {
    expect(compareInstants('2026-01-04T08:00:00.000Z', '2026-01-04T08:00:00.001Z')).toBeLessThan(0);
    expect(compareInstants('2026-01-04T09:00:00+01:00', '2026-01-04T08:30:00.000Z')).toBeLessThan(0);
    expect(compareInstants('2026-01-04T08:00:00.000Z', '2026-01-04T09:00:00+01:00')).toBe(0);
  });

  const followUp = fc.constantFrom<LeadEvent>(
    assessed('T1'), assessed('T4'), quoteGiven('q-1'), quoteGiven('q-2', 280_000), dealWon(), dealLost(), testDriveScheduled(),
    { type: 'LeadReopened', data: {} }, { type: 'CallLogged', data: { direction: 'outbound', outcome: 'connected' } },
    { type: 'ConsultantAssigned', data: { consultantId: 'c-1', reason: 'manual' } }, { type: 'VehicleDelivered', data: {} },
    { type: 'ComplaintFiled', data: { complaintId: 'c-1', category: 'price', description: 'fees' } },
  );

  it('gives the same state whatever order the same facts were recorded in', () => {
    const history = fc.array(followUp, { maxLength: 15 }).chain((events) =>
      fc.tuple(fc.constant(events), fc.shuffledSubarray(events.map((_, i) => i), { minLength: events.length })));
    fc.assert(fc.property(history, ([events, recordingOrder]) => {
      const happened = events.map((event, i) => ({ event, occurredAt: at(i + 1) }));
      const inOrder = [{ event: registered, occurredAt: at(0) }, ...happened].map((f, revision) => ({ ...f, revision }));
      const recorded = [{ event: registered, occurredAt: at(0) }, ...recordingOrder.map((i) => happened[i]!)].map((f, revision) => ({ ...f, revision }));
      expect(foldLeadHistory(recorded).state).toEqual(foldLeadHistory(inOrder).state);
    }), { numRuns: 200 });
  });
});
