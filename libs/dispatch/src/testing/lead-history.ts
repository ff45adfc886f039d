import { randomUUID } from 'node:crypto';
import { EventStore, EventToAppend } from '@crm/event-store';
import { LEAD_EVENT_SCHEMA_VERSIONS, LeadEvent, leadStreamId } from '@crm/lead';
import { DealerSettingsChange, DealerSettingsChanged, dealerStreamId } from '@crm/nurture';

/** Appends facts straight to the store, as the command path would have recorded them at `occurredAt`. */
export class LeadHistory {
  constructor(private readonly store: EventStore, private readonly dealerId = 'dealer-1') {}

  async lead(leadId: string, occurredAt: string, ...events: LeadEvent[]): Promise<number> {
    const appended = await this.store.append(leadStreamId(leadId), events.map((event) => this.envelope(event, occurredAt)), 'any');
    return appended.position;
  }

  async dealerSettings(change: DealerSettingsChange, occurredAt: string, dealerId = this.dealerId): Promise<number> {
    // The dealer stream is libs/nurture's; this writes the one event of it the dispatcher reads.
    const event = { type: 'DealerSettingsChanged' satisfies DealerSettingsChanged['type'], data: change, metadata: { ...this.envelope(registered('x', dealerId), occurredAt).metadata, schemaVersion: 1 } };
    return (await this.store.append(dealerStreamId(dealerId), [event], 'any')).position;
  }

  private envelope(event: LeadEvent, occurredAt: string): EventToAppend {
    return {
      type: event.type,
      data: event.data,
      metadata: {
        eventId: randomUUID(), actor: { id: 'agent-1', role: 'crm_agent', dealerId: this.dealerId }, correlationId: 'c', causationId: 'c',
        source: 'api', schemaVersion: LEAD_EVENT_SCHEMA_VERSIONS[event.type], occurredAt, recordedAt: occurredAt,
      },
    };
  }
}

export function registered(leadId: string, dealerId = 'dealer-1', overrides: { channel?: 'walk_in' | 'website'; marketingConsent?: boolean } = {}): LeadEvent {
  return {
    type: 'LeadRegistered',
    data: {
      leadId, dealerId, channel: overrides.channel ?? 'walk_in', contact: { name: `Lead ${leadId}`, phone: '+8613800000000' },
      profile: { intendedModels: ['Model S'] }, marketingConsent: overrides.marketingConsent ?? true,
    },
  };
}

export const called: LeadEvent = { type: 'CallLogged', data: { direction: 'outbound', outcome: 'connected' } };
export const assessedHot: LeadEvent = { type: 'PurchaseIntentAssessed', data: { timeframe: 'within_1_month', tier: 'T1' } };

export function touchScheduled(touchId: string, dueAt: string, options: { marketing?: boolean; channel?: 'call' | 'sms' } = {}): LeadEvent {
  return {
    type: 'TouchScheduled',
    data: {
      touchId, purpose: 'nurture_call', channel: options.channel ?? 'sms', dueAt, marketing: options.marketing ?? false, rule: 'test.rule',
      content: 'keep_in_touch',
    },
  };
}

/** Settings whose quiet hours lie hours away from `now`, for tests that run on the wall clock. */
export function quietHoursAwayFrom(now: Date): { timeZone: string; quietHours: { start: string; end: string } } {
  const hhmm = (hoursAhead: number): string => new Date(now.getTime() + hoursAhead * 3_600_000).toISOString().slice(11, 16);
  return { timeZone: 'UTC', quietHours: { start: hhmm(8), end: hhmm(9) } };
}
