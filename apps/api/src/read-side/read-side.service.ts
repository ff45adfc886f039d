import { Injectable } from '@nestjs/common';
import { DealerSettingsReader } from '@crm/dispatch';
import { endOfLocalDay } from '@crm/nurture';
import { DomainError } from '@crm/kernel';
import {
  FUNNEL_PROJECTION, FunnelReport, KpiReport, LeadListQuery, LeadPage, MigrationMatrix, Period, ProjectionStatusReader,
  ReadModelQueries, SHOWROOM_PROJECTION, TIER_PROJECTION, TierReport, TOUCHES_PROJECTION, TouchListQuery, TouchPage,
  WARNINGS_PROJECTION, WarningListQuery, WarningPage,
} from '@crm/projections';
import { ReadSideErrorCode } from './read-side-error-code';

/** How long a read-your-writes request may wait for the projections to catch up. */
export const READ_YOUR_WRITES_TIMEOUT_MS = 2_000;

/** Scopes every question to the caller's dealer and honours read-your-writes before answering. */
@Injectable()
export class ReadSideService {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly status: ProjectionStatusReader,
    private readonly dealers: DealerSettingsReader,
  ) {}

  async funnel(dealerId: string, period: Period, minPosition?: number): Promise<FunnelReport> {
    await this.caughtUp([FUNNEL_PROJECTION, SHOWROOM_PROJECTION], minPosition);
    return this.queries.funnel(dealerId, normalised(period));
  }

  async tiers(dealerId: string, period: Period, minPosition?: number): Promise<TierReport> {
    await this.caughtUp([TIER_PROJECTION], minPosition);
    return this.queries.tiers(dealerId, normalised(period));
  }

  async migrations(dealerId: string, period: Period, minPosition?: number): Promise<MigrationMatrix> {
    await this.caughtUp([TIER_PROJECTION], minPosition);
    return this.queries.migrations(dealerId, normalised(period));
  }

  async kpis(dealerId: string, period: Period, minPosition?: number): Promise<KpiReport> {
    // The walk-in close rate counts the visitors who left no record: the showroom projection too.
    await this.caughtUp([FUNNEL_PROJECTION, TIER_PROJECTION, SHOWROOM_PROJECTION], minPosition);
    return this.queries.kpis(dealerId, normalised(period));
  }

  async leads(dealerId: string, query: LeadListQuery, minPosition?: number): Promise<LeadPage> {
    await this.caughtUp([FUNNEL_PROJECTION, TIER_PROJECTION], minPosition);
    return this.queries.leads(dealerId, { ...query, ...normalised(query) });
  }

  /** `due` is a day in the dealer's time zone: what is due by the end of it (what to do "today"). */
  async touches(dealerId: string, query: Omit<TouchListQuery, 'dueBefore'> & { due?: string }, minPosition?: number): Promise<TouchPage> {
    await this.caughtUp([TOUCHES_PROJECTION], minPosition);
    const { due, ...rest } = query;
    if (due === undefined) return this.queries.touches(dealerId, rest);
    const { timeZone } = await this.dealers.settingsOf(dealerId);
    return this.queries.touches(dealerId, { ...rest, dueBefore: endOfLocalDay(due, timeZone).toISOString() });
  }

  async warnings(dealerId: string, query: WarningListQuery, minPosition?: number): Promise<WarningPage> {
    await this.caughtUp([WARNINGS_PROJECTION], minPosition);
    return this.queries.warnings(dealerId, { ...query, ...normalised(query) });
  }

  private async caughtUp(names: string[], minPosition: number | undefined): Promise<void> {
    if (minPosition === undefined || minPosition === 0) return;
    if (await this.status.waitFor(names, minPosition, READ_YOUR_WRITES_TIMEOUT_MS)) return;
    throw new DomainError(ReadSideErrorCode.ReadModelBehind, `The read model has not reached position ${minPosition} yet; retry shortly`,
      'conflict', 'minPosition', { minPosition, projections: names });
  }
}

/** Times compare as UTC ISO strings in the read models, so any offset the client used is normalised first. */
function normalised(period: Period): Period {
  const from = period.from === undefined ? undefined : new Date(period.from).toISOString();
  const to = period.to === undefined ? undefined : new Date(period.to).toISOString();
  if (from !== undefined && to !== undefined && from >= to) {
    throw new DomainError(ReadSideErrorCode.InvalidPeriod, '`from` must be before `to`', 'invalid', 'from');
  }
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}
