import { derivedId } from '@crm/kernel';
import { Channel, LeadRegistration, PurchaseTimeframe } from '@crm/lead';
import { SeededRandom } from '../random/seeded-random';
import { personName, SimulatedDealership } from './dealership';
import { SIMULATION_DISTRIBUTIONS } from './simulation-distributions';
import { atLocalHour, localCalendar } from './working-hours';

const DAY_MS = 86_400_000;
/** Chinese mobile prefixes; with the lead's number behind them every lead of the run has a phone of its own. */
const PREFIXES = ['139', '138', '137', '136', '135', '150', '151', '186', '187', '188'];

/** One generated prospect: when and how they first reach the dealer, and what they would answer. */
export interface LeadArrival {
  /** Order of generation; the key of the lead's own random streams. */
  index: number;
  leadId: string;
  at: number;
  channel: Channel;
  timeframe: PurchaseTimeframe;
  model: string;
  /** Not a prospect after all (closed as invalid_lead at the first contact). */
  invalid: boolean;
  registration: LeadRegistration;
}

/** `count` arrivals over [start, end), sorted by time; each lead's draws come from its own stream. */
export function generateArrivals(rng: SeededRandom, dealer: SimulatedDealership, count: number, start: number, end: number): LeadArrival[] {
  const days = dayWeights(dealer.timeZone, start, end);
  const arrivals = Array.from({ length: count }, (_, index) => arrival(rng.fork(`lead-${index}`), dealer, index, days, start, end));
  return arrivals.sort((a, b) => a.at - b.at || a.index - b.index);
}

interface DayWeight { dayStart: number; cumulative: number }

/** The window's days, each weighted by its month and weekday, as a cumulative table to draw a day from. */
function dayWeights(timeZone: string, start: number, end: number): DayWeight[] {
  const { monthWeights, weekdayWeights } = SIMULATION_DISTRIBUTIONS.arrivals;
  const table: DayWeight[] = [];
  let cumulative = 0;
  for (let day = start; day < end; day += DAY_MS) {
    const { month, weekday } = localCalendar(day, timeZone);
    cumulative += (monthWeights[month] ?? 1) * (weekdayWeights[weekday] ?? 1);
    table.push({ dayStart: day, cumulative });
  }
  return table;
}

function drawDay(rng: SeededRandom, days: DayWeight[]): number {
  const total = days[days.length - 1]?.cumulative ?? 0;
  const roll = rng.next() * total;
  let lo = 0;
  let hi = days.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] as DayWeight).cumulative > roll) hi = mid;
    else lo = mid + 1;
  }
  return (days[lo] as DayWeight).dayStart;
}

function arrival(rng: SeededRandom, dealer: SimulatedDealership, index: number, days: DayWeight[], start: number, end: number): LeadArrival {
  const a = SIMULATION_DISTRIBUTIONS.arrivals;
  const channel = rng.pick(a.channels);
  const { from, to } = dealer.openingHours;
  // Showroom channels arrive while it is open; online leads any hour, mostly by day and in the evening.
  const hour = a.openingHoursChannels.includes(channel) ? rng.between(from, to - 0.5) : (rng.chance(0.85) ? rng.between(8, 23) : rng.between(0, 24));
  const at = Math.min(Math.max(atLocalHour(drawDay(rng, days), hour, dealer.timeZone), start), end - 1);
  const timeframe = rng.pick(a.timeframes.byChannel[channel] ?? a.timeframes.default);
  const model = rng.pick(a.models);
  const listPrice = a.listPrices[model] ?? 400_000;
  const leadId = derivedId('simulated-lead', rng.seed);
  const phone = `${PREFIXES[index % PREFIXES.length]}${String(Math.floor(index / PREFIXES.length)).padStart(8, '0')}`;
  const registration: LeadRegistration = {
    leadId, dealerId: dealer.dealerId, channel, campaign: campaignOf(channel, at, dealer.timeZone),
    contact: { name: personName(rng), phone },
    profile: {
      intendedModels: [model], intendedPurchase: timeframe, payment: rng.pick(a.payment),
      budget: { min: Math.round(listPrice * 0.85), max: Math.round(listPrice * 1.1), currency: 'CNY' },
    },
    marketingConsent: rng.chance(a.marketingConsent),
  };
  const invalid = rng.chance(a.invalid.byChannel[channel] ?? a.invalid.default);
  return { index, leadId, at, channel, timeframe, model, invalid, registration };
}

/** Events and shows run campaigns named by month; the other channels have none. */
function campaignOf(channel: Channel, at: number, timeZone: string): string | undefined {
  if (channel !== 'event' && channel !== 'auto_show') return undefined;
  return `${channel}-${localCalendar(at, timeZone).date.slice(0, 7)}`;
}
