import type { LeadEvent, LeadEventType } from '@crm/lead';
import { quote, registration } from '../../../projections/src/testing/lead-events.builder';

type Sample<T extends LeadEventType> = Extract<LeadEvent, { type: T }>;

/** One realistic event of every type; the compiler makes a new event type add its sample here. */
export const LEAD_EVENT_SAMPLES: { [T in LeadEventType]: Sample<T> } = {
  LeadRegistered: registration('lead-1', { intendedPurchase: 'in_2_3_months', budgetMax: 300_000 }) as Sample<'LeadRegistered'>,
  ShowroomVisited: { type: 'ShowroomVisited', data: { companions: 2 } },
  CallLogged: { type: 'CallLogged', data: { direction: 'outbound', outcome: 'callback_requested', callbackAt: '2026-02-02T10:00:00.000Z' } },
  TestDriveScheduled: { type: 'TestDriveScheduled', data: { testDriveId: 'td-1', model: 'EQE', scheduledFor: '2026-02-03T10:00:00.000Z' } },
  TestDriveCompleted: { type: 'TestDriveCompleted', data: { testDriveId: 'td-1', model: 'EQE', feedback: 'liked it' } },
  TestDriveMissed: { type: 'TestDriveMissed', data: { testDriveId: 'td-2', model: 'EQE' } },
  InvitationSent: { type: 'InvitationSent', data: { invitationId: 'inv-1', kind: 'event', channel: 'wechat', eventName: 'Launch' } },
  InvitationAnswered: { type: 'InvitationAnswered', data: { invitationId: 'inv-1', response: 'accepted' } },
  InvitationAttended: { type: 'InvitationAttended', data: { invitationId: 'inv-1', kind: 'event' } },
  NeedsAnalysed: { type: 'NeedsAnalysed', data: { intendedModels: ['EQE'], budget: { max: 500_000, currency: 'CNY' }, payment: 'loan' } },
  VehiclePresented: { type: 'VehiclePresented', data: { model: 'EQE', trim: 'AMG' } },
  QuoteGiven: quote('q-1', 468_000, '2026-03-31') as Sample<'QuoteGiven'>,
  PurchaseIntentAssessed: { type: 'PurchaseIntentAssessed', data: { timeframe: 'within_1_month', tier: 'T1', previousTier: 'T2' } },
  ConsultantAssigned: { type: 'ConsultantAssigned', data: { consultantId: 'c-1', reason: 'hot_tier', handoffId: 'h-1' } },
  LeadReturnedToNurturing: { type: 'LeadReturnedToNurturing', data: { consultantId: 'c-1', reason: 'follow_up_stalled' } },
  DealWon: { type: 'DealWon', data: { quoteId: 'q-1', totalPrice: { amount: 468_000, currency: 'CNY' } } },
  VehicleDelivered: { type: 'VehicleDelivered', data: { vin: 'WDD1234567890', odometerKm: 12, insuranceExpiresOn: '2027-01-04', inspectionDueOn: '2027-01-05' } },
  LossRequested: { type: 'LossRequested', data: { requestId: 'r-1', reason: 'price', competitor: 'Other' } },
  LossApproved: { type: 'LossApproved', data: { requestId: 'r-1' } },
  LossRejected: { type: 'LossRejected', data: { requestId: 'r-2', note: 'try again' } },
  DealLost: { type: 'DealLost', data: { reason: 'price', requestId: 'r-1' } },
  LeadReopened: { type: 'LeadReopened', data: {} },
  ContactDetailsChanged: { type: 'ContactDetailsChanged', data: { name: '王磊', phone: '+8613912345678', previousPhone: '+8613812345678', email: 'wang.lei@example.com', wechat: 'wanglei88', birthday: '1985-06-15' } },
  MarketingConsentChanged: { type: 'MarketingConsentChanged', data: { marketingConsent: false } },
  ComplaintFiled: { type: 'ComplaintFiled', data: { complaintId: 'cp-1', category: 'service', description: 'late call-back' } },
  ComplaintResolved: { type: 'ComplaintResolved', data: { complaintId: 'cp-1', cause: 'staffing', remedy: 'apology and a free service' } },
  PurchaseCycleStarted: { type: 'PurchaseCycleStarted', data: { cycle: 2, reason: 'quote' } },
  TouchScheduled: {
    type: 'TouchScheduled',
    data: { touchId: 't-1', purpose: 'nurture_call', channel: 'call', dueAt: '2026-03-02T02:00:00.000Z', marketing: true, rule: 'cadence.T2', content: 'product_comparison' },
  },
  TouchCancelled: { type: 'TouchCancelled', data: { touchId: 't-1', reason: 'replaced_by_new_plan' } },
  TouchSent: { type: 'TouchSent', data: { touchId: 't-1', channel: 'call', via: 'kafka', attempt: 1 } },
  TouchDeliveryFailed: { type: 'TouchDeliveryFailed', data: { touchId: 't-1', attempt: 1, error: 'HTTP 502' } },
  TouchFailed: { type: 'TouchFailed', data: { touchId: 't-1', attempts: 5, error: 'HTTP 502' } },
  TouchCompleted: { type: 'TouchCompleted', data: { touchId: 't-1', outcome: 'reached' } },
  TouchOverdue: { type: 'TouchOverdue', data: { touchId: 't-1', dueAt: '2026-03-02T02:00:00.000Z' } },
  EarlyWarningRaised: { type: 'EarlyWarningRaised', data: { warningId: 'w-1', kind: 'going_cold', deadline: '2026-03-09T00:00:00.000Z' } },
};
