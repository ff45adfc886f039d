import { LeadErrorCode } from '../lead.errors';
import { given } from '../testing/decider-specification';
import {
  command, dealLost, dealWon, leadRegistered, quoteGiven, registeredLeadWith, testDriveScheduled, vehicleDelivered,
} from '../testing/lead-fixtures';

const schedule = { testDriveId: 'td-1', model: 'Model S', scheduledFor: '2026-01-06T10:00:00.000Z' };
const quote = { quoteId: 'q-1', model: 'Model S', quantity: 2, unitPrice: { amount: 300_000, currency: 'CNY' } };

describe('Lead decider: test drives', () => {
  it('schedules a test drive in the future (a booking)', () => {
    given([leadRegistered()])
      .when(command('ScheduleTestDrive', schedule))
      .then([{ type: 'TestDriveScheduled', data: schedule }]);
  });

  it('refuses the same test drive id twice', () => {
    given(registeredLeadWith(testDriveScheduled()))
      .when(command('ScheduleTestDrive', schedule))
      .thenThrows(LeadErrorCode.TestDriveAlreadyScheduled, 'testDriveId');
  });

  it('completes a scheduled test drive, naming the model', () => {
    given(registeredLeadWith(testDriveScheduled()))
      .when(command('CompleteTestDrive', { testDriveId: 'td-1', feedback: 'liked the handling' }))
      .then([
        { type: 'TestDriveCompleted', data: { testDriveId: 'td-1', model: 'Model S', feedback: 'liked the handling' } },
      ]);
  });

  it('records a no-show', () => {
    given(registeredLeadWith(testDriveScheduled()))
      .when(command('RecordTestDriveNoShow', { testDriveId: 'td-1' }))
      .then([{ type: 'TestDriveMissed', data: { testDriveId: 'td-1', model: 'Model S' } }]);
  });

  it('does not complete an unknown test drive', () => {
    given([leadRegistered()])
      .when(command('CompleteTestDrive', { testDriveId: 'td-9' }))
      .thenThrows(LeadErrorCode.TestDriveNotFound, 'testDriveId');
  });

  it('does not complete a test drive twice', () => {
    const completed = { type: 'TestDriveCompleted', data: { testDriveId: 'td-1', model: 'Model S' } } as const;
    given(registeredLeadWith(testDriveScheduled(), completed))
      .when(command('CompleteTestDrive', { testDriveId: 'td-1' }))
      .thenThrows(LeadErrorCode.TestDriveNotScheduled, 'testDriveId');
  });

  it('does not record a no-show for a missed test drive again', () => {
    const missed = { type: 'TestDriveMissed', data: { testDriveId: 'td-1', model: 'Model S' } } as const;
    given(registeredLeadWith(testDriveScheduled(), missed))
      .when(command('RecordTestDriveNoShow', { testDriveId: 'td-1' }))
      .thenThrows(LeadErrorCode.TestDriveNotScheduled);
  });

  it('records a test drive booked before the win', () => {
    given(registeredLeadWith(testDriveScheduled(), dealWon()))
      .when(command('CompleteTestDrive', { testDriveId: 'td-1' }))
      .then([{ type: 'TestDriveCompleted', data: { testDriveId: 'td-1', model: 'Model S' } }]);
  });

  it('books a test drive after delivery as the start of the next purchase', () => {
    given(registeredLeadWith(dealWon(), vehicleDelivered()))
      .when(command('ScheduleTestDrive', schedule))
      .then([{ type: 'PurchaseCycleStarted', data: { cycle: 2, reason: 'test_drive' } }, { type: 'TestDriveScheduled', data: schedule }]);
  });

  it('refuses to complete a first-purchase test drive after delivery', () => {
    given(registeredLeadWith({ type: 'TestDriveScheduled', data: schedule }, dealWon(), vehicleDelivered()))
      .when(command('CompleteTestDrive', { testDriveId: schedule.testDriveId }))
      .thenThrows(LeadErrorCode.VehicleAlreadyDelivered);
  });

  it('refuses a new test drive once the deal is won', () => {
    given(registeredLeadWith(dealWon()))
      .when(command('ScheduleTestDrive', schedule))
      .thenThrows(LeadErrorCode.DealAlreadyWon);
  });
});

describe('Lead decider: needs, presentation and intent', () => {
  it('analyses needs', () => {
    const data = { intendedModels: ['Model S', 'Model X'], payment: 'loan', decisionMaker: 'spouse' } as const;
    given([leadRegistered()])
      .when(command('AnalyseNeeds', { ...data, intendedModels: [...data.intendedModels] }))
      .then([{ type: 'NeedsAnalysed', data: { ...data, intendedModels: ['Model S', 'Model X'] } }]);
  });

  it('presents a vehicle', () => {
    given([leadRegistered()])
      .when(command('PresentVehicle', { model: 'Model S', trim: 'Long Range' }))
      .then([{ type: 'VehiclePresented', data: { model: 'Model S', trim: 'Long Range' } }]);
  });

  it('assesses intent with the tier from the policy', () => {
    given([leadRegistered()])
      .when(command('AssessPurchaseIntent', { timeframe: 'in_4_6_months' }))
      .then([{ type: 'PurchaseIntentAssessed', data: { timeframe: 'in_4_6_months', tier: 'T3' } }]);
  });

  it('refuses a timeframe the policy does not know', () => {
    given([leadRegistered()])
      .when(command('AssessPurchaseIntent', { timeframe: 'someday' as never }))
      .thenThrows(LeadErrorCode.InvalidTimeframe, 'timeframe');
  });

  it('carries the previous tier on re-assessment', () => {
    const earlier = { type: 'PurchaseIntentAssessed', data: { timeframe: 'in_4_6_months', tier: 'T3' } } as const;
    given(registeredLeadWith(earlier))
      .when(command('AssessPurchaseIntent', { timeframe: 'within_1_month' }))
      .then([{ type: 'PurchaseIntentAssessed', data: { timeframe: 'within_1_month', tier: 'T1', previousTier: 'T3' } }]);
  });

  it.each(['AnalyseNeeds', 'PresentVehicle', 'AssessPurchaseIntent'] as const)('refuses %s once the deal is won', (type) => {
    const data = {
      AnalyseNeeds: { intendedModels: [] },
      PresentVehicle: { model: 'Model S' },
      AssessPurchaseIntent: { timeframe: 'within_1_month' },
    } as const;
    given(registeredLeadWith(dealWon()))
      .when(command(type, data[type] as never))
      .thenThrows(LeadErrorCode.DealAlreadyWon);
  });
});

describe('Lead decider: quotes', () => {
  it('gives a quote with its total price', () => {
    given([leadRegistered()])
      .when(command('GiveQuote', quote))
      .then([{ type: 'QuoteGiven', data: { ...quote, totalPrice: { amount: 600_000, currency: 'CNY' } } }]);
  });

  it('refuses a quote for a lost lead', () => {
    given(registeredLeadWith(dealLost())).when(command('GiveQuote', quote)).thenThrows(LeadErrorCode.LeadIsLost);
  });

  it('refuses a quote once the deal is won', () => {
    given(registeredLeadWith(dealWon())).when(command('GiveQuote', quote)).thenThrows(LeadErrorCode.DealAlreadyWon);
  });

  it.each([0, -1, 1.5])('refuses quantity %p', (quantity) => {
    given([leadRegistered()])
      .when(command('GiveQuote', { ...quote, quantity }))
      .thenThrows(LeadErrorCode.InvalidQuantity, 'quantity');
  });

  it.each([0, -100])('refuses unit price %p', (amount) => {
    given([leadRegistered()])
      .when(command('GiveQuote', { ...quote, unitPrice: { amount, currency: 'CNY' } }))
      .thenThrows(LeadErrorCode.InvalidPrice, 'unitPrice.amount');
  });

  it('refuses the same quote id twice', () => {
    given(registeredLeadWith(quoteGiven()))
      .when(command('GiveQuote', quote))
      .thenThrows(LeadErrorCode.QuoteAlreadyGiven, 'quoteId');
  });
});
