import { LeadErrorCode } from '../lead.errors';
import { given } from '../testing/decider-specification';
import { NOW, command, leadRegistered, registration } from '../testing/lead-fixtures';

// NOW is 2026-01-05T09:00Z and the default back-date window is 72 hours.
const schedule = (scheduledFor: string) => command('ScheduleTestDrive', { testDriveId: 'td-1', model: 'Model S', scheduledFor });
const registerWith = (budget: { min?: number; max?: number; currency: string }) =>
  command('RegisterLead', { ...registration(), profile: { intendedModels: ['Model S'], budget } });
const analyseWith = (budget: { min?: number; max?: number; currency: string }) =>
  command('AnalyseNeeds', { intendedModels: ['Model S'], budget });

describe('Lead decider: a test drive is a booking', () => {
  it('books one for later', () => {
    given([leadRegistered()])
      .when(schedule('2026-01-10T10:00:00.000Z'))
      .then([{ type: 'TestDriveScheduled', data: { testDriveId: 'td-1', model: 'Model S', scheduledFor: '2026-01-10T10:00:00.000Z' } }]);
  });

  it('records one booked for earlier within the back-date window (written down afterwards)', () => {
    given([leadRegistered()])
      .when(schedule('2026-01-02T09:00:00.000Z'))
      .then([{ type: 'TestDriveScheduled', data: { testDriveId: 'td-1', model: 'Model S', scheduledFor: '2026-01-02T09:00:00.000Z' } }]);
  });

  it('refuses one scheduled before the back-date window', () => {
    given([leadRegistered()])
      .when(schedule('2026-01-02T08:59:59.999Z'))
      .thenThrows(LeadErrorCode.ScheduledInPast, 'scheduledFor');
  });

  it('refuses one scheduled in 1900', () => {
    given([leadRegistered()])
      .when(schedule('1900-01-01T00:00:00.000Z'))
      .thenThrows(LeadErrorCode.ScheduledInPast, 'scheduledFor');
  });

  it('measures the window from when the booking was made (occurredAt), not from now', () => {
    given([leadRegistered()])
      .when(command('ScheduleTestDrive', { testDriveId: 'td-1', model: 'Model S', scheduledFor: '2026-01-02T08:30:00.000Z' },
        { occurredAt: '2026-01-05T08:00:00.000Z', now: NOW }))
      .then([{ type: 'TestDriveScheduled', data: { testDriveId: 'td-1', model: 'Model S', scheduledFor: '2026-01-02T08:30:00.000Z' } }]);
  });
});

describe('Lead decider: a budget is a range', () => {
  it.each([
    [{ min: 200_000, max: 300_000, currency: 'CNY' }],
    [{ min: 300_000, max: 300_000, currency: 'CNY' }],
    [{ max: 300_000, currency: 'CNY' }],
  ])('registers %p', (budget) => {
    const data = { ...registration(), profile: { intendedModels: ['Model S'], budget } };
    given([]).when(registerWith(budget)).then([{ type: 'LeadRegistered', data }]);
  });

  it('refuses a registration whose budget has min above max, naming profile.budget.min', () => {
    given([]).when(registerWith({ min: 300_000, max: 200_000, currency: 'CNY' })).thenThrows(LeadErrorCode.InvalidBudget, 'profile.budget.min');
  });

  it('refuses a needs analysis whose budget has min above max, naming budget.min', () => {
    given([leadRegistered()]).when(analyseWith({ min: 300_000, max: 200_000, currency: 'CNY' })).thenThrows(LeadErrorCode.InvalidBudget, 'budget.min');
  });

  it('refuses a negative or non-finite end', () => {
    given([leadRegistered()]).when(analyseWith({ min: -1, currency: 'CNY' })).thenThrows(LeadErrorCode.InvalidBudget, 'budget.min');
    given([leadRegistered()]).when(analyseWith({ max: Number.NaN, currency: 'CNY' })).thenThrows(LeadErrorCode.InvalidBudget, 'budget.max');
  });

  it('records a needs analysis with a sound budget', () => {
    const budget = { min: 200_000, max: 300_000, currency: 'CNY' };
    given([leadRegistered()]).when(analyseWith(budget)).then([{ type: 'NeedsAnalysed', data: { intendedModels: ['Model S'], budget } }]);
  });
});
