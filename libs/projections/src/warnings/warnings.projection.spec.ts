import { LeadEvent, leadStreamId } from '@crm/lead';
import { RecordedEvent } from '@crm/event-store';
import { warningPage } from '../queries/warning-list';
import { metadataFor, registration } from '../testing/lead-events.builder';
import { LeadWarningsView } from './lead-warnings.view';
import { WarningsProjection } from './warnings.projection';

const projection = new WarningsProjection();

function fold(leadId: string, ...events: Array<[string, LeadEvent]>): LeadWarningsView {
  return events.reduce<LeadWarningsView | undefined>((doc, [at, event], n) => {
    const recorded: RecordedEvent = { streamId: leadStreamId(leadId), revision: n, position: n + 1, type: event.type, data: event.data, metadata: metadataFor(event, at) };
    const envelope = projection.decode(recorded);
    return envelope ? projection.evolve(doc, envelope) : doc;
  }, undefined) as LeadWarningsView;
}

const warned = (warningId: string, kind: 'going_cold' | 'first_contact_late' | 'touch_overdue', touchId?: string): LeadEvent => ({
  type: 'EarlyWarningRaised', data: { warningId, kind, deadline: '2026-03-02T00:00:00.000Z', detail: 'why', ...(touchId ? { touchId } : {}) },
});

describe('WarningsProjection', () => {
  it('keeps each warning of a lead once, dated when it was raised', () => {
    const doc = fold('l1', ['2026-03-01T00:00:00.000Z', registration('l1')], ['2026-03-02T00:05:00.000Z', warned('w1', 'going_cold')],
      ['2026-03-03T00:00:00.000Z', warned('w1', 'going_cold')]);
    expect(doc.warnings).toEqual({
      w1: { warningId: 'w1', kind: 'going_cold', deadline: '2026-03-02T00:00:00.000Z', raisedAt: '2026-03-02T00:05:00.000Z', touchId: null, detail: 'why' },
    });
  });

  it('lists the warnings raised in a period, of a kind, newest first', () => {
    const a = fold('l1', ['2026-03-01T00:00:00.000Z', registration('l1')], ['2026-03-02T00:00:00.000Z', warned('w1', 'first_contact_late')],
      ['2026-03-09T00:00:00.000Z', warned('w2', 'touch_overdue', 't1')]);
    const b = fold('l2', ['2026-03-01T00:00:00.000Z', registration('l2')], ['2026-03-04T00:00:00.000Z', warned('w3', 'going_cold')]);
    const all = { page: 1, pageSize: 50 };
    expect(warningPage([a, b], all).items.map((w) => [w.warningId, w.leadName])).toEqual([['w2', 'Lead l1'], ['w3', 'Lead l2'], ['w1', 'Lead l1']]);
    expect(warningPage([a, b], { ...all, from: '2026-03-02T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z' }).items.map((w) => w.warningId)).toEqual(['w3', 'w1']);
    expect(warningPage([a, b], { ...all, kind: 'touch_overdue' }).items).toEqual([
      expect.objectContaining({ warningId: 'w2', touchId: 't1', leadId: 'l1', consultantId: null }),
    ]);
  });
});
