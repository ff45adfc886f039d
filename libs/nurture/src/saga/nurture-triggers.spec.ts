import { LEAD_EVENT_SCHEMA_VERSIONS, LeadEventType } from '@crm/lead';
import { NURTURE_TRIGGERS } from './nurture.saga';
import { assessed, givenLead, registered, touchScheduled } from '../testing/saga-specification';
import { joined } from '../testing/dealer-specification';

describe('Nurture saga: the events it reacts to', () => {
  it('answers every lead event outside NURTURE_TRIGGERS with nothing, so the runner may skip them unread', () => {
    const samples: Partial<Record<LeadEventType, object>> = {
      CallLogged: { direction: 'outbound', outcome: 'connected' }, TouchScheduled: touchScheduled('t-1').data,
      ConsultantAssigned: { consultantId: 'c-li', reason: 'manual' }, QuoteGiven: { quoteId: 'q', model: 'S', quantity: 1, unitPrice: { amount: 1, currency: 'CNY' }, totalPrice: { amount: 1, currency: 'CNY' } },
    };
    const others = (Object.keys(LEAD_EVENT_SCHEMA_VERSIONS) as LeadEventType[]).filter((type) => !NURTURE_TRIGGERS.has(type));
    expect(others).toContain('TouchScheduled');
    for (const type of others) {
      const data = samples[type] ?? { touchId: 't-1', requestId: 'r', invitationId: 'i', testDriveId: 'd', complaintId: 'c', model: 'S', reason: 'price' };
      const commands = givenLead([registered({ channel: 'walk_in' }), assessed('T1'), touchScheduled('t-1')], [joined('c-li')])
        .decide({ event: { type, data } as never });
      expect({ type, commands }).toEqual({ type, commands: [] });
    }
  });
});
