import { LeadErrorCode } from '../lead.errors';
import { DEFAULT_LEAD_POLICY } from '../policies/lead-policy';
import { at, given } from '../testing/decider-specification';
import {
  NOW, REGISTERED_AT, command, dealLost, leadRegistered, registeredLeadWith, registration,
} from '../testing/lead-fixtures';

describe('Lead decider: registration and existence', () => {
  it('registers a new lead', () => {
    given([])
      .when(command('RegisterLead', { ...registration(), campaign: 'spring-show' }))
      .then([{ type: 'LeadRegistered', data: { ...registration(), campaign: 'spring-show' } }]);
  });

  it('takes the intended purchase time given at registration as the first tier assessment', () => {
    const data = { ...registration(), profile: { intendedModels: ['EQE'], intendedPurchase: 'in_4_6_months' as const } };
    given([])
      .when(command('RegisterLead', data))
      .then([
        { type: 'LeadRegistered', data },
        { type: 'PurchaseIntentAssessed', data: { timeframe: 'in_4_6_months', tier: 'T3' } },
      ]);
  });

  it('refuses to register a lead twice', () => {
    given([leadRegistered()])
      .when(command('RegisterLead', registration()))
      .thenThrows(LeadErrorCode.LeadAlreadyRegistered);
  });

  it('refuses intended models that are not a list', () => {
    const data = { ...registration(), profile: { intendedModels: 'Model S' as unknown as string[] } };
    given([])
      .when(command('RegisterLead', data))
      .thenThrows(LeadErrorCode.InvalidIntendedModels, 'profile.intendedModels');
  });

  it('does not know a lead that was never registered', () => {
    given([])
      .when(command('LogCall', { direction: 'outbound', outcome: 'connected' }))
      .thenThrows(LeadErrorCode.LeadNotFound);
  });
});

describe('Lead decider: when an interaction occurred', () => {
  const call = { direction: 'outbound', outcome: 'connected' } as const;

  it('accepts an interaction back-dated within the window', () => {
    given([at('2026-01-02T10:00:00.000Z', { type: 'LeadRegistered', data: registration() })])
      .when(command('LogCall', call, { occurredAt: '2026-01-02T10:00:00.000Z' }))
      .then([{ type: 'CallLogged', data: call }]);
  });

  it('refuses an interaction in the future', () => {
    given([leadRegistered()])
      .when(command('LogCall', call, { occurredAt: '2026-01-05T09:00:01.000Z' }))
      .thenThrows(LeadErrorCode.OccurredInFuture, 'occurredAt');
  });

  it('refuses a registration in the future', () => {
    given([])
      .when(command('RegisterLead', registration(), { occurredAt: '2026-01-06T00:00:00.000Z' }))
      .thenThrows(LeadErrorCode.OccurredInFuture, 'occurredAt');
  });

  it('refuses an interaction back-dated beyond the policy window', () => {
    const policy = { ...DEFAULT_LEAD_POLICY, backdateWindowHours: 24 };
    given([])
      .when(command('RegisterLead', registration(), { occurredAt: '2026-01-04T08:59:59.000Z', policy }))
      .thenThrows(LeadErrorCode.BackdatedTooFar, 'occurredAt');
  });

  it('refuses an interaction before the lead was registered', () => {
    given([leadRegistered()])
      .when(command('LogCall', call, { occurredAt: '2026-01-05T07:59:00.000Z' }))
      .thenThrows(LeadErrorCode.OccurredBeforeRegistration, 'occurredAt');
  });

  it('refuses an occurredAt that is not a timestamp', () => {
    given([leadRegistered()])
      .when(command('LogCall', call, { occurredAt: 'yesterday' }))
      .thenThrows(LeadErrorCode.InvalidTimestamp, 'occurredAt');
  });

  it('accepts an interaction at the very moment of registration', () => {
    given([leadRegistered()])
      .when(command('LogCall', call, { occurredAt: REGISTERED_AT }))
      .then([{ type: 'CallLogged', data: call }]);
  });
});

describe('Lead decider: calls and showroom visits', () => {
  it('logs a call', () => {
    const data = { direction: 'inbound', outcome: 'connected', durationSeconds: 180, note: 'asked about loans' } as const;
    given([leadRegistered()]).when(command('LogCall', data)).then([{ type: 'CallLogged', data }]);
  });

  it('logs a requested callback with its time', () => {
    const data = { direction: 'outbound', outcome: 'callback_requested', callbackAt: '2026-01-06T09:00:00.000Z' } as const;
    given([leadRegistered()]).when(command('LogCall', data)).then([{ type: 'CallLogged', data }]);
  });

  it('requires a time for a requested callback', () => {
    given([leadRegistered()])
      .when(command('LogCall', { direction: 'outbound', outcome: 'callback_requested' }))
      .thenThrows(LeadErrorCode.CallbackTimeRequired, 'callbackAt');
  });

  it('requires the callback to come after the call', () => {
    given([leadRegistered()])
      .when(command('LogCall', { direction: 'outbound', outcome: 'callback_requested', callbackAt: NOW }))
      .thenThrows(LeadErrorCode.CallbackNotAfterCall, 'callbackAt');
  });

  it('refuses a callback time on a call that asked for none', () => {
    given([leadRegistered()])
      .when(command('LogCall', { direction: 'outbound', outcome: 'no_answer', callbackAt: '2026-01-06T09:00:00.000Z' }))
      .thenThrows(LeadErrorCode.CallbackTimeUnexpected, 'callbackAt');
  });

  it('refuses a negative call duration', () => {
    given([leadRegistered()])
      .when(command('LogCall', { direction: 'outbound', outcome: 'connected', durationSeconds: -1 }))
      .thenThrows(LeadErrorCode.InvalidDuration, 'durationSeconds');
  });

  it('still logs calls on a lost lead', () => {
    given(registeredLeadWith(dealLost()))
      .when(command('LogCall', { direction: 'outbound', outcome: 'no_answer' }))
      .then([{ type: 'CallLogged', data: { direction: 'outbound', outcome: 'no_answer' } }]);
  });

  it('records a showroom visit', () => {
    given([leadRegistered()])
      .when(command('RecordShowroomVisit', { companions: 2, note: 'came with spouse' }))
      .then([{ type: 'ShowroomVisited', data: { companions: 2, note: 'came with spouse' } }]);
  });

  it('refuses a negative number of companions', () => {
    given([leadRegistered()])
      .when(command('RecordShowroomVisit', { companions: -1 }))
      .thenThrows(LeadErrorCode.InvalidCompanions, 'companions');
  });
});
