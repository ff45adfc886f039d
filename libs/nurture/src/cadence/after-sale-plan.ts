import { AfterSalePolicy, DatedTouch, TouchKind } from './cadence-policy';
import { LocalDate, addOffset, atLocalTime, formatDate, localDateOf, parseDate, shiftDate } from '../calendar/zoned-calendar';

const DAYS_PER_MONTH = 30.4375;
const MAX_YEARS_AHEAD = 200;

/** What the after-sale plan starts from: the delivery (its time and facts) and the owner's birthday. */
export interface AfterSaleFacts {
  deliveredAt: number;
  odometerKm?: number;
  insuranceExpiresOn?: string;
  inspectionDueOn?: string;
  birthday?: string;
}

/** One after-sale touch: what, when it is due, and the occasion it serves (its day is the touch's identity). */
export interface AfterSaleTouch {
  kind: TouchKind;
  due: number;
  occasion: string;
  occasionAt: number;
}

/**
 * The after-sale touches whose occasion comes after `after`, in the dealer's zone (domain.md, "After the deal";
 * seed 002 line 26): the day-3 and day-7 calls, the first and second service estimated from the odometer, and the
 * next birthday, insurance renewal and inspection. Anniversaries recur: the saga asks again once one is done.
 */
export function afterSalePlan(facts: AfterSaleFacts, policy: AfterSalePolicy, zone: string, after: number): AfterSaleTouch[] {
  const delivered = localDateOf(facts.deliveredAt, zone);
  const touches: AfterSaleTouch[] = [];
  for (const followUp of policy.followUps) {
    const due = addOffset(facts.deliveredAt, followUp.after, zone);
    touches.push({ kind: followUp, due, occasion: formatDate(localDateOf(due, zone)), occasionAt: due });
  }
  const { service } = policy;
  const firstMonths = Math.min(service.firstServiceMaxMonths, Math.max(0, service.firstServiceKm - (facts.odometerKm ?? 0)) / service.kmPerMonth);
  const firstService = shiftDate(delivered, { days: Math.round(firstMonths * DAYS_PER_MONTH) });
  const secondMonths = Math.min(service.intervalMaxMonths, service.intervalKm / service.kmPerMonth);
  const secondService = shiftDate(firstService, { days: Math.round(secondMonths * DAYS_PER_MONTH) });
  touches.push(dated(service.first, firstService, zone), dated(service.second, secondService, zone));
  const birthday = facts.birthday === undefined ? undefined : nextBirthday(facts.birthday, after, policy.birthday, zone);
  if (birthday) touches.push(birthday);
  const insured = parseDate(facts.insuranceExpiresOn ?? '') ?? shiftDate(delivered, { months: policy.insuranceRenewal.defaultTermMonths });
  const inspection = parseDate(facts.inspectionDueOn ?? '') ?? shiftDate(delivered, { months: policy.annualInspection.defaultMonthsAfterDelivery });
  touches.push(...[nextAnniversary(policy.insuranceRenewal, insured, after, zone), nextAnniversary(policy.annualInspection, inspection, after, zone)].flatMap((t) => t ?? []));
  return touches.filter((touch) => touch.occasionAt > after);
}

/** A dated touch: `daysBefore` the occasion, at the template's local time. */
function dated(kind: DatedTouch, occasion: LocalDate, zone: string): AfterSaleTouch {
  return {
    kind,
    due: atLocalTime(shiftDate(occasion, { days: -kind.daysBefore }), kind.localTime, zone),
    occasion: formatDate(occasion),
    occasionAt: atLocalTime(occasion, kind.localTime, zone),
  };
}

/** The first yearly return of `base` whose occasion is after `after`. */
function nextAnniversary(kind: DatedTouch, base: LocalDate, after: number, zone: string): AfterSaleTouch | undefined {
  for (let years = 0; years < MAX_YEARS_AHEAD; years += 1) {
    const touch = dated(kind, shiftDate(base, { months: 12 * years }), zone);
    if (touch.occasionAt > after) return touch;
  }
  return undefined;
}

/** MM-DD or YYYY-MM-DD; a 29 February birthday is greeted on the 28th in other years. */
function nextBirthday(birthday: string, after: number, kind: DatedTouch, zone: string): AfterSaleTouch | undefined {
  const [month, day] = birthday.slice(-5).split('-').map(Number) as [number, number];
  const { year } = localDateOf(after, zone);
  for (let next = year; next <= year + 1; next += 1) {
    const leap = new Date(Date.UTC(next, 1, 29)).getUTCMonth() === 1;
    const touch = dated(kind, { year: next, month, day: month === 2 && day === 29 && !leap ? 28 : day }, zone);
    if (touch.occasionAt > after) return touch;
  }
  return undefined;
}
