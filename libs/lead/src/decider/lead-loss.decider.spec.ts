import { DEFAULT_LEAD_POLICY } from '../policies/lead-policy';
import { LeadErrorCode } from '../lead.errors';
import { given } from '../testing/decider-specification';
import {
  actorAs, command, dealLost, leadRegistered, lossRequested, registeredLeadWith,
} from '../testing/lead-fixtures';

const loss = {
  requestId: 'loss-1',
  reason: 'bought_competitor_brand',
  competitor: 'Brand X',
  note: 'signed elsewhere',
} as const;
const manager = { actor: actorAs('manager') };

describe('Lead decider: losing a deal', () => {
  it("makes a consultant's loss a request when the policy asks for approval", () => {
    given([leadRegistered()]).when(command('LoseDeal', loss)).then([{ type: 'LossRequested', data: loss }]);
  });

  it.each(['manager', 'admin', 'crm_agent'] as const)('lets a %s lose the deal directly', (role) => {
    given([leadRegistered()])
      .when(command('LoseDeal', loss, { actor: actorAs(role) }))
      .then([{ type: 'DealLost', data: { reason: loss.reason, competitor: loss.competitor, note: loss.note } }]);
  });

  it('lets a consultant lose the deal directly when the policy asks for no approval', () => {
    const policy = { ...DEFAULT_LEAD_POLICY, lossRequiresApproval: false };
    given([leadRegistered()])
      .when(command('LoseDeal', { requestId: 'loss-1', reason: 'price' }, { policy }))
      .then([{ type: 'DealLost', data: { reason: 'price' } }]);
  });

  it('refuses to lose a lost lead again', () => {
    given(registeredLeadWith(dealLost())).when(command('LoseDeal', loss)).thenThrows(LeadErrorCode.LeadIsLost);
  });
});

describe('Lead decider: the loss approval (战败审核)', () => {
  it('approves: the lead is lost with the reason from the request', () => {
    given(registeredLeadWith(lossRequested()))
      .when(command('ApproveLoss', { requestId: 'loss-1', note: 'confirmed by phone' }, manager))
      .then([
        { type: 'LossApproved', data: { requestId: 'loss-1', note: 'confirmed by phone' } },
        { type: 'DealLost', data: { ...loss } },
      ]);
  });

  it('lets an admin approve', () => {
    given(registeredLeadWith(lossRequested()))
      .when(command('ApproveLoss', { requestId: 'loss-1' }, { actor: actorAs('admin') }))
      .then([{ type: 'LossApproved', data: { requestId: 'loss-1' } }, { type: 'DealLost', data: { ...loss } }]);
  });

  it.each(['consultant', 'crm_agent', 'system'] as const)('forbids a %s to approve', (role) => {
    given(registeredLeadWith(lossRequested()))
      .when(command('ApproveLoss', { requestId: 'loss-1' }, { actor: actorAs(role) }))
      .thenThrows(LeadErrorCode.LossApprovalForbidden);
  });

  it('forbids a consultant to reject', () => {
    given(registeredLeadWith(lossRequested()))
      .when(command('RejectLoss', { requestId: 'loss-1' }))
      .thenThrows(LeadErrorCode.LossApprovalForbidden);
  });

  it('refuses to approve another request than the pending one', () => {
    given(registeredLeadWith(lossRequested()))
      .when(command('ApproveLoss', { requestId: 'loss-2' }, manager))
      .thenThrows(LeadErrorCode.NoLossRequest, 'requestId');
  });

  it('refuses to approve when nothing is pending', () => {
    given([leadRegistered()])
      .when(command('ApproveLoss', { requestId: 'loss-1' }, manager))
      .thenThrows(LeadErrorCode.NoLossRequest);
  });

  it('rejects: the consultant keeps following up', () => {
    given(registeredLeadWith(lossRequested()))
      .when(command('RejectLoss', { requestId: 'loss-1', note: 'try a better offer' }, manager))
      .then([{ type: 'LossRejected', data: { requestId: 'loss-1', note: 'try a better offer' } }]);
  });

  it('opens sales again after a rejection', () => {
    const rejected = { type: 'LossRejected', data: { requestId: 'loss-1' } } as const;
    given(registeredLeadWith(lossRequested(), rejected))
      .when(command('PresentVehicle', { model: 'Model S' }))
      .then([{ type: 'VehiclePresented', data: { model: 'Model S' } }]);
  });

  it('holds sales while the decision is pending', () => {
    given(registeredLeadWith(lossRequested()))
      .when(command('PresentVehicle', { model: 'Model S' }))
      .thenThrows(LeadErrorCode.LossApprovalPending);
  });

  it('still takes calls while the decision is pending', () => {
    given(registeredLeadWith(lossRequested()))
      .when(command('LogCall', { direction: 'inbound', outcome: 'connected' }))
      .then([{ type: 'CallLogged', data: { direction: 'inbound', outcome: 'connected' } }]);
  });

  it('refuses a second loss request while one is pending', () => {
    given(registeredLeadWith(lossRequested()))
      .when(command('LoseDeal', loss))
      .thenThrows(LeadErrorCode.LossApprovalPending);
  });
});

describe('Lead decider: reopening', () => {
  it('reopens a lost lead', () => {
    given(registeredLeadWith(dealLost()))
      .when(command('ReopenLead', { note: 'called back, wants a quote' }))
      .then([{ type: 'LeadReopened', data: { note: 'called back, wants a quote' } }]);
  });

  it('refuses to reopen a lead that is not lost', () => {
    given([leadRegistered()]).when(command('ReopenLead', {})).thenThrows(LeadErrorCode.LeadNotLost);
  });

  it('gives quotes again once reopened', () => {
    const quote = { quoteId: 'q-1', model: 'Model S', quantity: 1, unitPrice: { amount: 250_000, currency: 'CNY' } };
    given(registeredLeadWith(dealLost(), { type: 'LeadReopened', data: {} }))
      .when(command('GiveQuote', quote))
      .then([{ type: 'QuoteGiven', data: { ...quote, totalPrice: { amount: 250_000, currency: 'CNY' } } }]);
  });
});
