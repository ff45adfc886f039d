import { EventToAppend } from '@crm/event-store';
import { CHANNELS, INTENT_TIERS, LeadEvent, LOST_REASONS, leadStreamId, PURCHASE_TIMEFRAMES, showroomStreamId } from '@crm/lead';
import { metadataFor, quote, registration, walkInCounted } from './lead-events.builder';

export interface WorkloadAppend {
  streamId: string;
  events: EventToAppend[];
}

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;

/** A plausible lead history, varied by the lead's number: about ten events, a third won, a third lost. */
export function leadJourney(n: number, dealers = 5): { leadId: string; dealerId: string; events: LeadEvent[] } {
  const leadId = `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  const dealerId = `dealer-${n % dealers}`;
  const events: LeadEvent[] = [
    registration(leadId, { dealerId, channel: pick(CHANNELS, n), intendedPurchase: pick(PURCHASE_TIMEFRAMES, n >> 1), budgetMax: 150_000 + (n % 7) * 60_000 }),
    { type: 'CallLogged', data: { direction: 'outbound', outcome: 'connected', durationSeconds: 120 } },
    { type: 'PurchaseIntentAssessed', data: { timeframe: 'in_4_6_months', tier: pick(INTENT_TIERS, n >> 2) } },
    { type: 'ConsultantAssigned', data: { consultantId: `consultant-${n % 13}`, reason: 'manual' } },
    { type: 'NeedsAnalysed', data: { intendedModels: ['Model S'], budget: { max: 300_000, currency: 'CNY' } } },
    { type: 'VehiclePresented', data: { model: 'Model S' } },
    { type: 'TestDriveCompleted', data: { testDriveId: `td-${n}`, model: 'Model S' } },
    { type: 'PurchaseIntentAssessed', data: { timeframe: 'within_1_month', tier: 'T1' } },
    quote(`q-${n}`, 200_000 + (n % 11) * 25_000, '2026-06-30'),
  ];
  if (n % 3 === 0) events.push({ type: 'DealWon', data: {} }, { type: 'VehicleDelivered', data: {} });
  else if (n % 3 === 1) events.push({ type: 'DealLost', data: { reason: pick(LOST_REASONS, n), competitor: 'Other' } });
  return { leadId, dealerId, events };
}

/** A showroom door count beside lead n's registration: 1-4 visitors, every other one with a consultant. */
function walkInAppend(n: number, dealerId: string, occurredAt: string): WorkloadAppend {
  const event = walkInCounted(dealerId, 1 + (n % 4), n % 2 === 0 ? `consultant-${n % 13}` : undefined);
  return { streamId: showroomStreamId(dealerId, occurredAt), events: [{ type: event.type, data: event.data, metadata: metadataFor(event, occurredAt, dealerId) }] };
}

/**
 * Lead histories interleaved the way a busy dealership's log is: `window` leads in flight at once, each append
 * carrying up to `perAppend` consecutive events of one lead. Occurred-at rises by `stepMs` per event. With
 * `walkIns`, each registration is followed by a count of walk-ins who left no record.
 */
export function* interleavedWorkload(options: {
  leads: number; firstLead?: number; window?: number; perAppend?: number; startMs?: number; stepMs?: number; walkIns?: boolean;
}): Generator<WorkloadAppend> {
  const window = options.window ?? 1000;
  const perAppend = options.perAppend ?? 1;
  const stepMs = options.stepMs ?? 1000;
  let time = options.startMs ?? Date.UTC(2026, 0, 1);
  let next = options.firstLead ?? 0;
  const end = next + options.leads;
  const active: Array<ReturnType<typeof leadJourney> & { n: number; cursor: number }> = [];
  while (active.length > 0 || next < end) {
    while (active.length < window && next < end) active.push({ ...leadJourney(next), n: next++, cursor: 0 });
    for (let i = 0; i < active.length; i += 1) {
      const lead = active[i];
      if (!lead) continue;
      const slice = lead.events.slice(lead.cursor, lead.cursor + perAppend);
      lead.cursor += slice.length;
      yield {
        streamId: leadStreamId(lead.leadId),
        events: slice.map((event) => ({ type: event.type, data: event.data, metadata: metadataFor(event, new Date((time += stepMs)).toISOString(), lead.dealerId) })),
      };
      if (options.walkIns && lead.cursor === slice.length) yield walkInAppend(lead.n, lead.dealerId, new Date((time += stepMs)).toISOString());
    }
    for (let i = active.length - 1; i >= 0; i -= 1) if ((active[i]?.cursor ?? 0) >= (active[i]?.events.length ?? 0)) active.splice(i, 1);
  }
}
