import { LeadErrorCode } from '../lead.errors';
import { given } from '../testing/decider-specification';
import {
  actorAs, command, dealLost, dealWon, leadRegistered, lossRequested, quoteGiven, registeredLeadWith, vehicleDelivered,
} from '../testing/lead-fixtures';

describe('Lead decider: consultant hand-off', () => {
  it('assigns a consultant', () => {
    given([leadRegistered()])
      .when(command('AssignConsultant', { consultantId: 'c-li', reason: 'walk_in' }))
      .then([{ type: 'ConsultantAssigned', data: { consultantId: 'c-li', reason: 'walk_in' } }]);
  });

  it('re-assigns, naming the previous consultant', () => {
    given(registeredLeadWith({ type: 'ConsultantAssigned', data: { consultantId: 'c-li', reason: 'walk_in' } }))
      .when(command('AssignConsultant', { consultantId: 'c-zhao', reason: 'manual' }))
      .then([
        { type: 'ConsultantAssigned', data: { consultantId: 'c-zhao', reason: 'manual', previousConsultantId: 'c-li' } },
      ]);
  });

  it('records nothing when the same consultant is assigned again', () => {
    given(registeredLeadWith({ type: 'ConsultantAssigned', data: { consultantId: 'c-li', reason: 'walk_in' } }))
      .when(command('AssignConsultant', { consultantId: 'c-li', reason: 'hot_tier' }))
      .then([]);
  });

  it('returns the lead to CRM nurturing', () => {
    given(registeredLeadWith({ type: 'ConsultantAssigned', data: { consultantId: 'c-li', reason: 'walk_in' } }))
      .when(command('ReturnLeadToNurturing', { reason: 'follow_up_stalled' }))
      .then([{ type: 'LeadReturnedToNurturing', data: { consultantId: 'c-li', reason: 'follow_up_stalled' } }]);
  });

  it('cannot return a lead nobody owns', () => {
    given([leadRegistered()])
      .when(command('ReturnLeadToNurturing', { reason: 'manual' }))
      .thenThrows(LeadErrorCode.NoConsultantAssigned);
  });

  it('cannot assign a consultant to a lost lead', () => {
    given(registeredLeadWith(dealLost()))
      .when(command('AssignConsultant', { consultantId: 'c-li', reason: 'manual' }))
      .thenThrows(LeadErrorCode.LeadIsLost);
  });
});

describe('Lead decider: winning and delivering', () => {
  const won = { quoteId: 'q-1', model: 'Model S', quantity: 1, totalPrice: { amount: 300_000, currency: 'CNY' } };

  it('wins the deal on a named quote', () => {
    given(registeredLeadWith(quoteGiven('q-1'), quoteGiven('q-2', 280_000, 2)))
      .when(command('WinDeal', { quoteId: 'q-1', orderRef: 'SO-1' }))
      .then([{ type: 'DealWon', data: { ...won, orderRef: 'SO-1' } }]);
  });

  it('wins the deal on the latest quote when none is named', () => {
    given(registeredLeadWith(quoteGiven('q-1'), quoteGiven('q-2', 280_000, 2)))
      .when(command('WinDeal', {}))
      .then([
        {
          type: 'DealWon',
          data: { quoteId: 'q-2', model: 'Model S', quantity: 2, totalPrice: { amount: 560_000, currency: 'CNY' } },
        },
      ]);
  });

  it('wins a deal without any quote', () => {
    given([leadRegistered()])
      .when(command('WinDeal', { orderRef: 'SO-2' }))
      .then([{ type: 'DealWon', data: { orderRef: 'SO-2' } }]);
  });

  it('refuses an unknown quote', () => {
    given(registeredLeadWith(quoteGiven('q-1')))
      .when(command('WinDeal', { quoteId: 'q-7' }))
      .thenThrows(LeadErrorCode.QuoteNotFound, 'quoteId');
  });

  it('refuses a second win', () => {
    given(registeredLeadWith(quoteGiven(), dealWon()))
      .when(command('WinDeal', {}))
      .thenThrows(LeadErrorCode.DealAlreadyWon);
  });

  it('refuses to lose a delivered deal', () => {
    given(registeredLeadWith(dealWon(), vehicleDelivered()))
      .when(command('LoseDeal', { requestId: 'loss-1', reason: 'price' }, { actor: actorAs('manager') }))
      .thenThrows(LeadErrorCode.VehicleAlreadyDelivered);
  });

  it('refuses a win on a lost lead', () => {
    given(registeredLeadWith(dealLost())).when(command('WinDeal', {})).thenThrows(LeadErrorCode.LeadIsLost);
  });

  it('delivers the vehicle of a won deal', () => {
    given(registeredLeadWith(quoteGiven(), dealWon()))
      .when(command('DeliverVehicle', { vin: 'LVSHFFAL0KF000001' }))
      .then([{ type: 'VehicleDelivered', data: { vin: 'LVSHFFAL0KF000001', model: 'Model S' } }]);
  });

  it('refuses to deliver before the deal is won', () => {
    given([leadRegistered()]).when(command('DeliverVehicle', {})).thenThrows(LeadErrorCode.DealNotWon);
  });

  it('refuses to deliver twice', () => {
    given(registeredLeadWith(dealWon(), vehicleDelivered()))
      .when(command('DeliverVehicle', {}))
      .thenThrows(LeadErrorCode.VehicleAlreadyDelivered);
  });

  it('keeps after-sale calls and showroom visits open after delivery', () => {
    given(registeredLeadWith(dealWon(), vehicleDelivered()))
      .when(command('LogCall', { direction: 'outbound', outcome: 'connected', note: 'day-3 follow-up' }))
      .then([{ type: 'CallLogged', data: { direction: 'outbound', outcome: 'connected', note: 'day-3 follow-up' } }]);
  });

  it('refuses a loss once the deal is won', () => {
    given(registeredLeadWith(dealWon()))
      .when(command('LoseDeal', { requestId: 'loss-1', reason: 'price' }, { actor: actorAs('manager') }))
      .thenThrows(LeadErrorCode.DealAlreadyWon);
  });

  it('waits for the loss decision before winning', () => {
    given(registeredLeadWith(lossRequested()))
      .when(command('WinDeal', {}))
      .thenThrows(LeadErrorCode.LossApprovalPending);
  });
});
