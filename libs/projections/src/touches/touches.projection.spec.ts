import { LeadEvent, leadStreamId } from '@crm/lead';
import { RecordedEvent } from '@crm/event-store';
import { metadataFor, registration } from '../testing/lead-events.builder';
import { touchPage } from '../queries/touch-list';
import { LeadTouchesView } from './lead-touches.view';
import { TouchesProjection } from './touches.projection';

const projection = new TouchesProjection();
const AT = '2026-03-02T02:00:00.000Z';
let position = 0;

function fold(leadId: string, ...events: LeadEvent[]): LeadTouchesView | undefined {
  return events.reduce<LeadTouchesView | undefined>((doc, event) => {
    position += 1;
    const recorded: RecordedEvent = { streamId: leadStreamId(leadId), revision: 0, position, type: event.type, data: event.data, metadata: metadataFor(event, AT) };
    const envelope = projection.decode(recorded);
    return envelope ? projection.evolve(doc, envelope) : doc;
  }, undefined);
}

const scheduled = (touchId: string, dueAt: string, assigneeId?: string): LeadEvent => ({
  type: 'TouchScheduled',
  data: { touchId, purpose: 'nurture_call', channel: 'call', dueAt, marketing: false, rule: 'cadence.T2', ...(assigneeId ? { assigneeId } : {}) },
});

describe('TouchesProjection', () => {
  it("follows each touch of a lead through its life, with the lead's name, phone and consultant", () => {
    const doc = fold('l1', registration('l1'), scheduled('t1', '2026-03-03T01:00:00.000Z'),
      { type: 'TouchSent', data: { touchId: 't1', channel: 'call', via: 'tasks', attempt: 1 } },
      { type: 'ConsultantAssigned', data: { consultantId: 'c-li', reason: 'hot_tier' } },
      { type: 'TouchOverdue', data: { touchId: 't1', dueAt: '2026-03-03T01:00:00.000Z' } },
      { type: 'TouchCompleted', data: { touchId: 't1', outcome: 'reached' } });
    expect(doc).toEqual({
      leadId: 'l1', dealerId: 'dealer-1', name: 'Lead l1', phone: '+8613800000000', consultantId: 'c-li',
      touches: {
        t1: {
          touchId: 't1', purpose: 'nurture_call', channel: 'call', dueAt: '2026-03-03T01:00:00.000Z', marketing: false, content: null,
          assigneeId: null, rule: 'cadence.T2', status: 'completed', overdue: true, attempts: 1, via: 'tasks', outcome: 'reached',
        },
      },
    });
  });

  it('writes nothing for a repeat schedule or an unknown touch', () => {
    const doc = fold('l1', registration('l1'), scheduled('t1', '2026-03-03T01:00:00.000Z'));
    expect(fold('l1', registration('l1'), scheduled('t1', '2026-03-03T01:00:00.000Z'), scheduled('t1', '2026-03-09T01:00:00.000Z'))).toEqual(doc);
    expect(fold('l1', registration('l1'), scheduled('t1', '2026-03-03T01:00:00.000Z'), { type: 'TouchCancelled', data: { touchId: 'nope', reason: 'manual' } })).toEqual(doc);
  });

  it("lists what to do: open touches due before the end of the day, the assignee's or the consultant's", () => {
    const mine = fold('l1', registration('l1'), scheduled('t1', '2026-03-02T03:00:00.000Z', 'agent-7'), scheduled('t2', '2026-03-05T03:00:00.000Z', 'agent-7')) as LeadTouchesView;
    const held = fold('l2', registration('l2'), scheduled('t3', '2026-03-02T01:00:00.000Z'), { type: 'ConsultantAssigned', data: { consultantId: 'c-li', reason: 'walk_in' } }) as LeadTouchesView;
    const done = fold('l3', registration('l3'), scheduled('t4', '2026-03-02T01:00:00.000Z', 'agent-7'), { type: 'TouchCompleted', data: { touchId: 't4', outcome: 'done' } }) as LeadTouchesView;
    const today = { dueBefore: '2026-03-02T16:00:00.000Z', status: 'open' as const, page: 1, pageSize: 50 };
    expect(touchPage([mine, held, done], today).items.map((r) => [r.touchId, r.owner])).toEqual([['t3', 'c-li'], ['t1', 'agent-7']]);
    expect(touchPage([mine, held, done], { ...today, assignee: 'agent-7' }).items.map((r) => r.touchId)).toEqual(['t1']);
    expect(touchPage([mine, held, done], { ...today, status: 'completed' }).items.map((r) => r.touchId)).toEqual(['t4']);
    expect(touchPage([mine, held, done], { status: 'all', page: 1, pageSize: 2 })).toMatchObject({ total: 4, items: [{ touchId: 't3' }, { touchId: 't4' }] });
  });
});
