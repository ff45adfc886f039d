import { LEAD, assessed, givenLead, plannedId, registered, touchScheduled } from '../testing/saga-specification';
import { cancelTouch, scheduleTouch } from './nurture-commands';

const planned = touchScheduled('t-plan');
const callback = touchScheduled('t-callback', { purpose: 'callback', marketing: false, rule: 'manual' });
const lost = (reason: 'price' | 'postponed_purchase' | 'bought_competitor_brand') => ({ type: 'DealLost' as const, data: { reason } });
const winBack = (rule: string, dueAt: string) => scheduleTouch(LEAD, {
  touchId: plannedId(rule), purpose: 'win_back', channel: 'call', dueAt, marketing: true, rule, content: 'win_back_offer',
});

describe('Nurture saga: won and lost deals', () => {
  it('a won deal cancels the pending plan touches (deal_won) and keeps what a customer asked for', () => {
    givenLead([registered(), assessed('T2'), planned, callback]).when({ event: { type: 'DealWon', data: {} } })
      .then([cancelTouch(LEAD, 't-plan', 'deal_won')]);
  });

  it('a deal lost on price cancels every pending touch (deal_lost) and plans one win-back call a month later', () => {
    givenLead([registered(), planned, callback]).when({ event: lost('price') }).then([
      cancelTouch(LEAD, 't-callback', 'deal_lost'),
      cancelTouch(LEAD, 't-plan', 'deal_lost'),
      winBack('win_back.price', '2026-02-05T02:00:00.000Z'),
    ]);
  });

  it('a postponed purchase gets its win-back call after three months', () => {
    givenLead([registered()]).when({ event: lost('postponed_purchase') }).then([winBack('win_back.postponed_purchase', '2026-04-05T02:00:00.000Z')]);
  });

  it('a lead that bought elsewhere gets no win-back touch, nor does one without consent', () => {
    givenLead([registered(), planned]).when({ event: lost('bought_competitor_brand') }).then([cancelTouch(LEAD, 't-plan', 'deal_lost')]);
    givenLead([registered({ marketingConsent: false })]).when({ event: lost('price') }).then([]);
  });

  it('withdrawn consent cancels the pending marketing touches only (consent_withdrawn)', () => {
    givenLead([registered(), planned, callback]).when({ event: { type: 'MarketingConsentChanged', data: { marketingConsent: false } } })
      .then([cancelTouch(LEAD, 't-plan', 'consent_withdrawn')]);
  });
});
