import { RecordedEvent } from '@crm/event-store';
import { LEAD_STREAM_PREFIX, leadIdFromStream } from '@crm/lead';
import { applySettingsChange, DEALER_STREAM_PREFIX, DEFAULT_DEALER_SETTINGS, DealerSettings, DealerSettingsChange, isQuiet } from '@crm/nurture';

/** What the simulator checks on the event log itself, independently of the read models. */
export interface LogAuditResult {
  events: number;
  byType: Record<string, number>;
  touchesSent: number;
  /** Touches recorded as sent at a moment the dealer's settings (as they stood then) call quiet. Must be 0. */
  sentInQuietHours: number;
  /** Marketing touches sent while the lead had not given (or had withdrawn) consent. Must be 0. */
  marketingSentWithoutConsent: number;
}

/**
 * A fold over the global log in position order: event counts, and the two rules a sent touch must keep, judged
 * with the nurture capability's quiet-hours rule against each dealer's settings and each lead's consent at the time.
 */
export class LogAudit {
  private readonly result: LogAuditResult = { events: 0, byType: {}, touchesSent: 0, sentInQuietHours: 0, marketingSentWithoutConsent: 0 };
  private readonly dealers = new Map<string, DealerSettings>();
  private readonly leadDealer = new Map<string, string>();
  private readonly consent = new Map<string, boolean>();
  private readonly marketingTouches = new Set<string>();

  apply(event: RecordedEvent): void {
    this.result.events += 1;
    this.result.byType[event.type] = (this.result.byType[event.type] ?? 0) + 1;
    const data = event.data as Record<string, unknown>;
    if (event.streamId.startsWith(DEALER_STREAM_PREFIX) && event.type === 'DealerSettingsChanged') {
      const dealerId = event.streamId.slice(DEALER_STREAM_PREFIX.length);
      this.dealers.set(dealerId, applySettingsChange(this.settingsOf(dealerId), data as DealerSettingsChange));
      return;
    }
    if (!event.streamId.startsWith(LEAD_STREAM_PREFIX)) return;
    const leadId = leadIdFromStream(event.streamId);
    switch (event.type) {
      case 'LeadRegistered':
        this.leadDealer.set(leadId, data.dealerId as string);
        this.consent.set(leadId, data.marketingConsent === true);
        return;
      case 'MarketingConsentChanged':
        this.consent.set(leadId, data.marketingConsent === true);
        return;
      case 'TouchScheduled':
        if (data.marketing === true) this.marketingTouches.add(data.touchId as string);
        return;
      case 'TouchSent':
        this.touchSent(leadId, data.touchId as string, Date.parse(event.metadata.occurredAt));
        return;
      default:
    }
  }

  get current(): LogAuditResult {
    return { ...this.result, byType: Object.fromEntries(Object.entries(this.result.byType).sort(([a], [b]) => (a < b ? -1 : 1))) };
  }

  private touchSent(leadId: string, touchId: string, at: number): void {
    this.result.touchesSent += 1;
    if (isQuiet(at, this.settingsOf(this.leadDealer.get(leadId) ?? ''))) this.result.sentInQuietHours += 1;
    if (this.marketingTouches.has(touchId) && this.consent.get(leadId) !== true) this.result.marketingSentWithoutConsent += 1;
  }

  private settingsOf(dealerId: string): DealerSettings {
    return this.dealers.get(dealerId) ?? DEFAULT_DEALER_SETTINGS;
  }
}
