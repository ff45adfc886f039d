import { RecordedEvent } from '@crm/event-store';
import { LogAudit } from './log-audit';

let position = 0;
const event = (streamId: string, type: string, data: unknown, occurredAt: string): RecordedEvent => {
  position += 1;
  return {
    streamId, revision: 0, position, type, data,
    metadata: {
      eventId: `e-${position}`, actor: { id: 'x', role: 'system', dealerId: 'd-1' }, correlationId: 'c', causationId: 'c', source: 'system',
      schemaVersion: 1, occurredAt, recordedAt: occurredAt,
    },
  };
};

describe('the log audit the simulator reports', () => {
  it('counts a touch sent in quiet hours by the dealer\'s settings then, and a marketing touch sent without consent', () => {
    const audit = new LogAudit();
    audit.apply(event('dealer-d-1', 'DealerSettingsChanged', { timeZone: 'Asia/Shanghai', quietHours: { start: '20:00', end: '08:00' } }, '2026-01-05T00:00:00.000Z'));
    audit.apply(event('lead-a', 'LeadRegistered', { dealerId: 'd-1', marketingConsent: true }, '2026-01-05T01:00:00.000Z'));
    audit.apply(event('lead-a', 'TouchScheduled', { touchId: 't-1', marketing: true }, '2026-01-05T01:00:00.000Z'));
    audit.apply(event('lead-a', 'TouchScheduled', { touchId: 't-2', marketing: false }, '2026-01-05T01:00:00.000Z'));
    // 10:00 in Shanghai with consent: fine.
    audit.apply(event('lead-a', 'TouchSent', { touchId: 't-1' }, '2026-01-06T02:00:00.000Z'));
    expect(audit.current).toMatchObject({ touchesSent: 1, sentInQuietHours: 0, marketingSentWithoutConsent: 0 });
    // 20:30 in Shanghai: quiet under this dealer's settings (not under the 21:00 default).
    audit.apply(event('lead-a', 'TouchSent', { touchId: 't-2' }, '2026-01-06T12:30:00.000Z'));
    audit.apply(event('lead-a', 'MarketingConsentChanged', { marketingConsent: false }, '2026-01-07T01:00:00.000Z'));
    audit.apply(event('lead-a', 'TouchSent', { touchId: 't-1' }, '2026-01-07T02:00:00.000Z'));
    audit.apply(event('lead-a', 'TouchSent', { touchId: 't-2' }, '2026-01-07T02:00:00.000Z'));
    expect(audit.current).toMatchObject({ events: 9, touchesSent: 4, sentInQuietHours: 1, marketingSentWithoutConsent: 1 });
    expect(audit.current.byType).toEqual({ DealerSettingsChanged: 1, LeadRegistered: 1, MarketingConsentChanged: 1, TouchScheduled: 2, TouchSent: 4 });
  });
});
