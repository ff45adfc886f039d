import { DEFAULT_CADENCE_POLICY } from '../cadence/default-cadence';
import { cancelTouch, scheduleTouch } from './nurture-commands';
import { joined } from '../testing/dealer-specification';
import { LEAD, T0, assessed, at, givenLead, plannedId, registered, touchScheduled } from '../testing/saga-specification';

const call = (tier: 'T2' | 'T3' | 'T4' | 'T5', rule: string, dueAt: string, content = 'keep_in_touch' as const) =>
  scheduleTouch(LEAD, { touchId: plannedId(rule), purpose: 'nurture_call', channel: 'call', dueAt, marketing: true, rule, content: tier === 'T2' ? 'product_comparison' : tier === 'T5' ? 'brand_awareness' : content });

describe('Nurture saga: a new assessment plans the tier cadence', () => {
  it.each([
    ['T2', 'cadence.T2.call_month_1', '2026-02-05T02:00:00.000Z'],
    ['T3', 'cadence.T3.call_month_3', '2026-04-05T02:00:00.000Z'],
    ['T4', 'cadence.T4.call_month_6', '2026-07-05T02:00:00.000Z'],
    ['T5', 'cadence.T5.call_month_11', '2026-12-05T02:00:00.000Z'],
  ] as const)('a %s lead gets its outbound call (%s)', (tier, rule, dueAt) => {
    givenLead([registered()]).when({ event: assessed(tier) }).then([call(tier, rule, dueAt)]);
  });

  it('moves a due time that falls in quiet hours to the next allowed slot in the dealer\'s zone', () => {
    // Assessed at 22:30 in Shanghai: a month later is 22:30 too, inside 21:00-09:00, so the call waits for 09:00.
    givenLead([registered()]).when({ event: assessed('T2'), occurredAt: '2026-01-05T14:30:00.000Z' })
      .then([call('T2', 'cadence.T2.call_month_1', '2026-02-06T01:00:00.000Z')]);
  });

  it('replaces the pending plan: scheduled plan touches are cancelled, sent ones and callbacks are left', () => {
    const history = [
      registered(),
      touchScheduled('t-pending', { rule: 'cadence.T3.call_month_3' }),
      touchScheduled('t-sent'),
      { type: 'TouchSent' as const, data: { touchId: 't-sent', channel: 'call' as const, via: 'kafka', attempt: 1 } },
      touchScheduled('t-callback', { purpose: 'callback', marketing: false, rule: 'manual' }),
    ];
    givenLead(history).when({ event: assessed('T2') }).then([
      cancelTouch(LEAD, 't-pending', 'replaced_by_new_plan'),
      call('T2', 'cadence.T2.call_month_1', '2026-02-05T02:00:00.000Z'),
    ]);
  });

  it('plans no marketing touch for a lead without consent', () => {
    givenLead([registered({ marketingConsent: false })]).when({ event: assessed('T3') }).then([]);
  });

  it('ignores a back-dated assessment that a later one already overrides', () => {
    givenLead([registered(), at('2026-01-05T04:00:00.000Z', assessed('T3'))])
      .when({ event: assessed('T1'), occurredAt: '2026-01-05T03:00:00.000Z', recordedAt: '2026-01-06T02:00:00.000Z' }).then([]);
  });

  it('plans nothing in the past for a back-dated cause: due no earlier than it was recorded', () => {
    givenLead([registered()]).when({ event: assessed('T1'), occurredAt: T0, recordedAt: '2026-01-07T03:00:00.000Z' }).then([
      scheduleTouch(LEAD, {
        touchId: plannedId('cadence.T1.showroom_invitation'), purpose: 'showroom_invitation', channel: 'call',
        dueAt: '2026-01-07T03:00:00.000Z', marketing: true, rule: 'cadence.T1.showroom_invitation', content: 'product_comparison',
      }),
    ]);
  });

  it("follows the dealer's own cadence where its stream overrides the default", () => {
    const t2 = { handOff: false, touches: [{ rule: 'dealer.T2.sms_week_1', purpose: 'nurture_call' as const, channel: 'sms' as const, content: 'product_comparison' as const, marketing: true, after: { days: 7 } }] };
    givenLead([registered()], [{ type: 'DealerSettingsChanged', data: { cadence: { tiers: { T2: t2 } } } }]).when({ event: assessed('T2') }).then([
      scheduleTouch(LEAD, { touchId: plannedId('dealer.T2.sms_week_1'), purpose: 'nurture_call', channel: 'sms', dueAt: '2026-01-12T02:00:00.000Z', marketing: true, rule: 'dealer.T2.sms_week_1', content: 'product_comparison' }),
    ]);
  });

  it('gives the plan touches to the consultant who owns the lead', () => {
    const owned = { type: 'ConsultantAssigned' as const, data: { consultantId: 'c-li', reason: 'manual' as const } };
    const [touch] = givenLead([registered(), owned], [joined('c-li')]).decide({ event: assessed('T1') });
    expect(touch).toMatchObject({ command: { type: 'ScheduleTouch', data: { purpose: 'showroom_invitation', assigneeId: 'c-li', dueAt: '2026-01-06T02:00:00.000Z' } } });
  });
});

describe('Nurture saga: plans after a reopening, a return to nurturing, and consent given back', () => {
  const lost = { type: 'DealLost' as const, data: { reason: 'price' as const } };

  it('a reopened lead gets its tier plan again; the pending win-back touch is cancelled', () => {
    const winBack = touchScheduled('t-win-back', { purpose: 'win_back', rule: 'win_back.price', content: 'win_back_offer' });
    givenLead([registered(), assessed('T3'), lost, winBack]).when({ event: { type: 'LeadReopened', data: {} } }).then([
      cancelTouch(LEAD, 't-win-back', 'lead_reopened'),
      call('T3', 'cadence.T3.call_month_3', '2026-04-05T02:00:00.000Z'),
    ]);
  });

  it('a lead back from a stalled consultant gets its tier plan, without being handed straight back', () => {
    const owned = { type: 'ConsultantAssigned' as const, data: { consultantId: 'c-li', reason: 'hot_tier' as const } };
    const returned = { type: 'LeadReturnedToNurturing' as const, data: { consultantId: 'c-li', reason: 'follow_up_stalled' as const } };
    const commands = givenLead([registered(), assessed('T1'), owned], [joined('c-li')]).decide({ event: returned });
    expect(commands.map((command) => command.kind)).toEqual(['lead']);
    expect(commands[0]).toMatchObject({ command: { type: 'ScheduleTouch', data: { rule: DEFAULT_CADENCE_POLICY.tiers.T1.touches[0]?.rule } } });
  });

  it('consent given back plans the tier touches that were left out', () => {
    givenLead([registered({ marketingConsent: false }), assessed('T2')])
      .when({ event: { type: 'MarketingConsentChanged', data: { marketingConsent: true } } })
      .then([call('T2', 'cadence.T2.call_month_1', '2026-02-05T02:00:00.000Z')]);
  });
});
