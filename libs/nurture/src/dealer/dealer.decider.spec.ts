import { DealerErrorCode } from './dealer.errors';
import { DealerEvent } from './dealer-events';
import { DEFAULT_DEALER_SETTINGS } from './dealer-defaults';
import { ROUTING_MEMORY, routedTo } from './dealer-state';
import { dealerCommand, foldDealer, givenDealer, joined, left } from '../testing/dealer-specification';

const routed = (routingId: string, consultantId: string, pick: 'preferred' | 'round_robin' = 'round_robin', leadId = 'lead-1'): DealerEvent =>
  ({ type: 'LeadRoutedToConsultant', data: { routingId, leadId, consultantId, pick } });
const route = (routingId: string, preferredConsultantIds?: string[]) =>
  dealerCommand('RouteLeadToConsultant', { routingId, leadId: 'lead-1', ...(preferredConsultantIds ? { preferredConsultantIds } : {}) }, 'system');

describe('Dealer decider: settings', () => {
  it('records only the settings that change', () => {
    givenDealer([]).when(dealerCommand('ChangeDealerSettings', {
      timeZone: 'Asia/Shanghai', quietHours: { start: '22:00', end: '08:30' }, responseMinutes: { website: 60, walk_in: 120 }, warningDays: { churn: 300 },
    })).then([{ type: 'DealerSettingsChanged', data: { quietHours: { start: '22:00', end: '08:30' }, responseMinutes: { walk_in: 120 }, warningDays: { churn: 300 } } }]);
  });

  it('records nothing when the settings are already in force (a safe retry)', () => {
    givenDealer([]).when(dealerCommand('ChangeDealerSettings', { timeZone: DEFAULT_DEALER_SETTINGS.timeZone, quietHours: { start: '21:00', end: '09:00' } })).then([]);
  });

  it('merges later changes over the defaults, table by table', () => {
    const state = foldDealer([
      { type: 'DealerSettingsChanged', data: { timeZone: 'Europe/Berlin', responseMinutes: { walk_in: 30 } } },
      { type: 'DealerSettingsChanged', data: { responseMinutes: { website: 15 }, warningDays: { goingCold: 5 } } },
    ]);
    expect(state.settings).toEqual({
      ...DEFAULT_DEALER_SETTINGS,
      timeZone: 'Europe/Berlin',
      responseMinutes: { ...DEFAULT_DEALER_SETTINGS.responseMinutes, walk_in: 30, website: 15 },
      warningDays: { ...DEFAULT_DEALER_SETTINGS.warningDays, goingCold: 5 },
    });
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }, DealerErrorCode.InvalidTimeZone, 'timeZone'],
    [{ quietHours: { start: '9pm', end: '09:00' } }, DealerErrorCode.InvalidQuietHours, 'quietHours.start'],
    [{ quietHours: { start: '21:00', end: '24:00' } }, DealerErrorCode.InvalidQuietHours, 'quietHours.end'],
    [{ responseMinutes: { carrier_pigeon: 5 } }, DealerErrorCode.InvalidResponseMinutes, 'responseMinutes.carrier_pigeon'],
    [{ responseMinutes: { website: 0 } }, DealerErrorCode.InvalidResponseMinutes, 'responseMinutes.website'],
    [{ warningDays: { churn: 1.5 } }, DealerErrorCode.InvalidWarningDays, 'warningDays.churn'],
    [{ cadence: { tiers: { T9: { handOff: false, touches: [] } } } }, DealerErrorCode.InvalidCadence, 'cadence.tiers.T9'],
    [{ cadence: { tiers: { T2: { handOff: false, touches: [{ rule: 'x', purpose: 'nurture_call', channel: 'fax', content: 'keep_in_touch', marketing: true, after: { days: 3 } }] } } } },
      DealerErrorCode.InvalidCadence, 'cadence.tiers.T2.touches[0].channel'],
    [{ cadence: { winBack: { price: { rule: 'x', purpose: 'win_back', channel: 'call', content: 'win_back_offer', marketing: true, after: { weeks: 2 } } } } },
      DealerErrorCode.InvalidCadence, 'cadence.winBack.price.after.weeks'],
  ])('refuses %j naming the field', (data, code, field) => {
    givenDealer([]).when(dealerCommand('ChangeDealerSettings', data as never)).thenThrows(code, field);
  });

  it('keeps a cadence override, and records nothing when it is sent again', () => {
    const cadence = { winBack: { price: null, other: { rule: 'win_back.other', purpose: 'win_back' as const, channel: 'sms' as const, content: 'win_back_offer' as const, marketing: true, after: { months: 2 } } } };
    const changed: DealerEvent = { type: 'DealerSettingsChanged', data: { cadence } };
    givenDealer([]).when(dealerCommand('ChangeDealerSettings', { cadence })).then([changed]);
    givenDealer([changed]).when(dealerCommand('ChangeDealerSettings', { cadence })).then([]);
  });

  it('lets only managers, admins and the system manage the dealer', () => {
    for (const role of ['consultant', 'crm_agent', 'integration'] as const) {
      givenDealer([]).when(dealerCommand('ChangeDealerSettings', { timeZone: 'Europe/Berlin' }, role)).thenThrows(DealerErrorCode.DealerAccessForbidden);
      givenDealer([]).when(dealerCommand('AddConsultant', { consultantId: 'c-1', name: 'Li' }, role)).thenThrows(DealerErrorCode.DealerAccessForbidden);
    }
    givenDealer([]).when(dealerCommand('AddConsultant', { consultantId: 'c-1', name: 'Li' }, 'admin')).then([joined('c-1', 'Li')]);
  });
});

describe('Dealer decider: consultants', () => {
  it('adds a consultant once', () => {
    givenDealer([]).when(dealerCommand('AddConsultant', { consultantId: 'c-1', name: 'Li Na' })).then([joined('c-1', 'Li Na')]);
    givenDealer([joined('c-1', 'Li Na')]).when(dealerCommand('AddConsultant', { consultantId: 'c-1', name: 'Li Na' })).then([]);
  });

  it('refuses an empty id or name', () => {
    givenDealer([]).when(dealerCommand('AddConsultant', { consultantId: ' ', name: 'Li' })).thenThrows(DealerErrorCode.InvalidConsultant, 'consultantId');
    givenDealer([]).when(dealerCommand('AddConsultant', { consultantId: 'c-1', name: '' })).thenThrows(DealerErrorCode.InvalidConsultant, 'name');
  });

  it('removes a consultant who is with the dealer; an unknown one is CONSULTANT_NOT_FOUND', () => {
    givenDealer([joined('c-1')]).when(dealerCommand('RemoveConsultant', { consultantId: 'c-1' })).then([left('c-1')]);
    givenDealer([joined('c-1'), left('c-1')]).when(dealerCommand('RemoveConsultant', { consultantId: 'c-1' }))
      .thenThrows(DealerErrorCode.ConsultantNotFound, 'consultantId');
  });
});

describe('Dealer decider: routing leads to consultants', () => {
  const team = [joined('c-1'), joined('c-2'), joined('c-3')];

  it('goes round the consultants in the order they joined', () => {
    givenDealer(team).when(route('r-1')).then([routed('r-1', 'c-1')]);
    givenDealer([...team, routed('r-1', 'c-1')]).when(route('r-2')).then([routed('r-2', 'c-2')]);
    givenDealer([...team, routed('r-1', 'c-1'), routed('r-2', 'c-2'), routed('r-3', 'c-3')]).when(route('r-4')).then([routed('r-4', 'c-1')]);
  });

  it('records nothing when the same routing comes again (the saga reprocessing its event)', () => {
    givenDealer([...team, routed('r-1', 'c-1')]).when(route('r-1')).then([]);
    expect(routedTo(foldDealer([...team, routed('r-1', 'c-1')]), 'r-1')).toBe('c-1');
  });

  it('skips a consultant who left, and a newcomer takes the last seat', () => {
    const history = [...team, routed('r-1', 'c-1'), left('c-2'), joined('c-4')];
    givenDealer(history).when(route('r-2')).then([routed('r-2', 'c-3')]);
    givenDealer([...history, routed('r-2', 'c-3')]).when(route('r-3')).then([routed('r-3', 'c-4')]);
  });

  it('goes on after the seat of a consultant who left since their turn', () => {
    givenDealer([...team, routed('r-1', 'c-2'), left('c-2')]).when(route('r-2')).then([routed('r-2', 'c-3')]);
  });

  it('prefers the consultant who served the lead while still with the dealer, without taking a round-robin turn', () => {
    givenDealer(team).when(route('r-1', ['c-3'])).then([routed('r-1', 'c-3', 'preferred')]);
    givenDealer([...team, left('c-3')]).when(route('r-1', ['c-3', 'c-2'])).then([routed('r-1', 'c-2', 'preferred')]);
    givenDealer([...team, routed('r-1', 'c-3', 'preferred')]).when(route('r-2')).then([routed('r-2', 'c-1')]);
  });

  it('remembers the latest routings only, so that a dealer with years of leads folds in linear time', () => {
    const many = Array.from({ length: ROUTING_MEMORY + 1 }, (_, i) => routed(`r-${i}`, 'c-1'));
    const state = foldDealer([...team, ...many]);
    expect(state.recentRoutings).toHaveLength(ROUTING_MEMORY);
    expect(routedTo(state, 'r-0')).toBeUndefined();
    expect(routedTo(state, `r-${ROUTING_MEMORY}`)).toBe('c-1');
  });

  it('has no one to route to when the dealer has no consultant', () => {
    givenDealer([joined('c-1'), left('c-1')]).when(route('r-1', ['c-1'])).thenThrows(DealerErrorCode.NoConsultantAvailable);
  });
});
