import { FirstContactProfile } from '../../events/lead-values';
import { LeadErrorCode } from '../../lead.errors';
import { fail } from './values';

type Budget = NonNullable<FirstContactProfile['budget']>;

/** A budget is a range of amounts: each end, when given, 0 or more, and the lower end not above the upper. */
export function assertBudget(budget: Budget | undefined, field: string): void {
  if (budget === undefined) return;
  const { min, max } = budget;
  for (const [end, value] of [['min', min], ['max', max]] as const) {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      fail(LeadErrorCode.InvalidBudget, `${field}.${end} must be a number, 0 or more`, `${field}.${end}`);
    }
  }
  if (min !== undefined && max !== undefined && min > max) {
    fail(LeadErrorCode.InvalidBudget, `${field}.min must not be above ${field}.max`, `${field}.min`);
  }
}
