import { performance } from 'node:perf_hooks';
import { ExecuteDealerCommand } from '@crm/commands';
import { DateTime } from 'luxon';
import { dealershipCommands, generateDealership, SimulatedDealership } from '../model/dealership';
import { generateArrivals, LeadArrival } from '../model/lead-arrivals';
import { SIMULATION_DISTRIBUTIONS } from '../model/simulation-distributions';
import { arrivalActions, DAY_MS, HOUR_MS } from '../model/staff-behaviour';
import { atLocalHour, localCalendar, nextClockStop } from '../model/working-hours';
import { SeededRandom } from '../random/seeded-random';
import { buildSummary, SimulationSummary, SimulationTiming } from '../report/simulation-summary';
import { ActionExecutor } from './action-executor';
import { Agenda, PlannedAction } from './planned-action';
import { LogFollower } from './log-follower';
import { MirroredLead } from './lead-mirror';
import { SimulationApp, startSimulationApp } from './simulation-app';

export interface SimulationOptions {
  leads: number;
  months: number;
  seed: string;
  /** The DATA_DIR of the run's SQLite files; the caller creates and removes it. */
  dataDir: string;
  /** Local midnight of the first day; default Monday 5 January 2026 in the dealer's zone (Asia/Shanghai). */
  start?: string;
  /** Clock step while the showroom is open; default one hour (the night is one step). */
  stepMs?: number;
  /** Run the projections during the run rather than catching up at the end (slower; same result). */
  liveProjections?: boolean;
  /** Leads whose commands run side by side within a step. */
  concurrency?: number;
  onProgress?: (progress: { at: string; events: number; fraction: number }) => void;
}

export interface SimulationResult {
  summary: SimulationSummary;
  timing: SimulationTiming;
}

/** Long enough for a month's backlog on a busy machine; a stuck subscriber still fails the run. */
const SETTLE_TIMEOUT_MS = 300_000;
const DEFAULT_START = '2026-01-05T00:00:00.000+08:00';

/**
 * One simulated dealership: generated from the seed, driven through the real command path, saga, due index and
 * dispatcher on a virtual clock that moves in steps. Each step: staff and customers act (the agenda), the saga
 * plans, the dispatcher sends what fell due, and the follower reads the log and plans what people do next.
 */
export class Simulation {
  readonly dealer: SimulatedDealership;
  private readonly agenda = new Agenda();
  private readonly leads = new Map<string, MirroredLead>();
  private readonly executor: ActionExecutor;
  private readonly follower: LogFollower;
  private readonly from: number;
  private readonly to: number;
  private steps = 0;

  private constructor(readonly system: SimulationApp, private readonly options: SimulationOptions) {
    const rng = new SeededRandom(`crm-simulation:${options.seed}`);
    this.dealer = generateDealership(rng.fork('dealer'));
    const start = DateTime.fromISO(options.start ?? DEFAULT_START, { zone: this.dealer.timeZone });
    this.from = start.toMillis();
    this.to = start.plus({ months: options.months }).toMillis();
    const arrivals = generateArrivals(rng.fork('arrivals'), this.dealer, options.leads, this.from, this.to);
    for (const arrival of arrivals) {
      const lead = new MirroredLead(arrival, rng.fork(`lead-${arrival.index}`));
      this.leads.set(lead.leadId, lead);
      this.agenda.push(...arrivalActions({ dealer: this.dealer, lead }));
    }
    this.agenda.push(...this.unrecordedWalkIns(rng.fork('door'), arrivals));
    this.executor = new ActionExecutor(system.bus, system.clock, this.dealer.dealerId, options.concurrency ?? 32);
    this.follower = new LogFollower(system.store, this.dealer, this.leads);
  }

  static async start(options: SimulationOptions): Promise<Simulation> {
    const start = Date.parse(options.start ?? DEFAULT_START);
    if (Number.isNaN(start)) throw new RangeError(`--start is not an ISO-8601 time: ${options.start}`);
    const system = await startSimulationApp(options.dataDir, new Date(start).toISOString(), options.liveProjections ?? false);
    return new Simulation(system, options);
  }

  get period(): { from: string; to: string } {
    return { from: new Date(this.from).toISOString(), to: new Date(this.to).toISOString() };
  }

  async run(): Promise<SimulationResult> {
    const started = performance.now();
    const { system } = this;
    const manager = { id: this.dealer.managerId, role: 'manager' as const, dealerId: this.dealer.dealerId };
    for (const command of dealershipCommands(this.dealer)) {
      await system.bus.execute(new ExecuteDealerCommand(this.dealer.dealerId, command, { actor: manager, source: 'import', correlationId: 'sim:dealer', causationId: 'sim:setup' }));
    }
    const step = this.options.stepMs ?? HOUR_MS;
    let lastReport = this.from;
    const next = (at: number): number => Math.min(nextClockStop(at, step, this.dealer.openingHours), this.to);
    for (let at = next(this.from); ; at = next(at)) {
      await this.step(at);
      if (this.options.onProgress && (at - lastReport >= 7 * DAY_MS || at >= this.to)) {
        lastReport = at;
        this.options.onProgress({ at: new Date(at).toISOString(), events: this.follower.audit.current.events, fraction: (at - this.from) / (this.to - this.from) });
      }
      if (at >= this.to) break;
    }
    if (!this.options.liveProjections) system.projections.start();
    const head = await system.store.headPosition();
    const live = await Promise.all(system.projections.runners.map((runner) => runner.waitForLive(head, SETTLE_TIMEOUT_MS)));
    if (!live.every(Boolean)) throw new Error(`The projections did not reach position ${head}: no summary from partial read models`);
    const audit = this.follower.audit.current;
    const summary = await buildSummary({
      seed: this.options.seed, leads: this.options.leads, months: this.options.months, ...this.period,
      dealer: this.dealer, queries: system.queries, audit, commands: this.executor.counts,
    });
    const elapsedSeconds = (performance.now() - started) / 1000;
    return { summary, timing: { elapsedSeconds: round(elapsedSeconds, 2), eventsPerSecond: Math.round(audit.events / elapsedSeconds), clockSteps: this.steps } };
  }

  async close(): Promise<void> {
    await this.system.app.close();
  }

  /** One move of the clock: act, let the saga plan, dispatch what is due, let the saga react, read the log. */
  private async step(at: number): Promise<void> {
    const { clock, saga, dueIndex, dispatcher, store } = this.system;
    this.steps += 1;
    clock.set(new Date(at));
    await this.executor.execute(this.agenda.popUntil(at));
    await saga.settle(SETTLE_TIMEOUT_MS);
    await dueIndex.waitFor(await store.headPosition(), SETTLE_TIMEOUT_MS);
    const report = await dispatcher.dispatchDue();
    if (report.claimed > 0) await saga.settle(SETTLE_TIMEOUT_MS);
    this.agenda.push(...(await this.follower.follow(at)));
  }

  /** The door count: at the end of each day with walk-ins, the visitors who left no record (未留档). */
  private unrecordedWalkIns(rng: SeededRandom, arrivals: readonly LeadArrival[]): PlannedAction[] {
    const share = SIMULATION_DISTRIBUTIONS.arrivals.unrecordedPerRecordedWalkIn;
    const { to, timeZone } = this.dealer.openingHours;
    const byDay = new Map<string, LeadArrival[]>();
    for (const arrival of arrivals.filter((a) => a.channel === 'walk_in')) {
      const day = localCalendar(arrival.at, timeZone).date;
      byDay.set(day, [...(byDay.get(day) ?? []), arrival]);
    }
    const actions: PlannedAction[] = [];
    for (const [day, walkIns] of byDay) {
      const r = rng.fork(day);
      const visitors = walkIns.filter(() => r.chance(share)).length;
      const consultant = r.item(this.dealer.consultants);
      const at = Math.min(atLocalHour((walkIns[0] as LeadArrival).at, to - 0.25, timeZone), this.to - 1);
      if (visitors > 0) actions.push({ kind: 'unrecorded_walk_ins', at, actor: { id: consultant.id, role: 'consultant' }, visitors });
    }
    return actions;
  }
}

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;
