import { DealerCommandInput } from '@crm/commands';
import { SeededRandom } from '../random/seeded-random';
import { SIMULATION_DISTRIBUTIONS } from './simulation-distributions';
import { OpeningHours } from './working-hours';

export interface SimulatedStaff {
  id: string;
  name: string;
}

/** The generated dealer: who works there and the settings its stream records. */
export interface SimulatedDealership {
  dealerId: string;
  timeZone: string;
  quietHours: { start: string; end: string };
  openingHours: OpeningHours;
  consultants: SimulatedStaff[];
  crmAgents: SimulatedStaff[];
  managerId: string;
}

const SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu', 'Xu', 'Sun', 'Hu', 'Zhu', 'Gao', 'Lin', 'He', 'Guo', 'Ma', 'Luo'];
const GIVEN_NAMES = ['Wei', 'Fang', 'Na', 'Min', 'Jing', 'Lei', 'Qiang', 'Jun', 'Yan', 'Jie', 'Tao', 'Ming', 'Chao', 'Xiu', 'Hui', 'Li', 'Ping', 'Gang', 'Yun', 'Hao'];

export const personName = (rng: SeededRandom): string => `${rng.item(SURNAMES)} ${rng.item(GIVEN_NAMES)}`;

/**
 * A dealer drawn from the distributions. Staff ids say they are simulated (`sim-consultant-<n>`), so that an
 * auditor reading the log can tell generated actions from real ones.
 */
export function generateDealership(rng: SeededRandom, dealerId = 'dealer-sim-01'): SimulatedDealership {
  const d = SIMULATION_DISTRIBUTIONS.dealer;
  const staff = (kind: string, count: number): SimulatedStaff[] =>
    Array.from({ length: count }, (_, i) => ({ id: `sim-${kind}-${i + 1}`, name: personName(rng) }));
  const timeZone = rng.pick(d.timeZones);
  const [start = '21:00', end = '09:00'] = rng.pick(d.quietHours).split('-');
  return {
    dealerId,
    timeZone,
    quietHours: { start, end },
    openingHours: { timeZone, from: d.openingHours.from, to: d.openingHours.to },
    consultants: staff('consultant', rng.int(d.consultants.min, d.consultants.max)),
    crmAgents: staff('crm-agent', rng.int(d.crmAgents.min, d.crmAgents.max)),
    managerId: 'sim-manager-1',
  };
}

/** The dealer stream's commands that set the dealer up: its settings, then its consultants. */
export function dealershipCommands(dealer: SimulatedDealership): DealerCommandInput[] {
  return [
    { type: 'ChangeDealerSettings', data: { timeZone: dealer.timeZone, quietHours: dealer.quietHours } },
    ...dealer.consultants.map((c): DealerCommandInput => ({ type: 'AddConsultant', data: { consultantId: c.id, name: c.name } })),
  ];
}
