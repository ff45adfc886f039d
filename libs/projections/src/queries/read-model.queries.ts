import { Clock, DomainError } from '@crm/kernel';
import { FUNNEL_PROJECTION } from '../funnel/funnel.projection';
import { FunnelLeadView } from '../funnel/funnel-lead.view';
import { readModelRebuilding, readStoreUnavailable } from '../projection.errors';
import { ReadStore } from '../read-store/read-store.port';
import { SHOWROOM_COLLECTION, SHOWROOM_PROJECTION } from '../showroom/showroom.projection';
import { UnrecordedWalkInView } from '../showroom/unrecorded-walk-in.view';
import { TIER_PROJECTION } from '../tiers/tier.projection';
import { DEFAULT_TIER_POLICY, TierPolicy } from '../tiers/tier.policy';
import { TierLeadView } from '../tiers/tier-lead.view';
import { LeadTouchesView } from '../touches/lead-touches.view';
import { TOUCHES_PROJECTION } from '../touches/touches.projection';
import { LeadWarningsView } from '../warnings/lead-warnings.view';
import { WARNINGS_PROJECTION } from '../warnings/warnings.projection';
import { funnelReport, FunnelReport } from './funnel-report';
import { kpiReport, KpiReport } from './kpi-report';
import { LeadListQuery, leadPage, LeadPage, toLeadRow } from './lead-list';
import { Period } from './period';
import { lifecycleAt, migrationMatrix, MigrationMatrix, tierReport, TierReport } from './tier-report';
import { TouchListQuery, touchPage, TouchPage } from './touch-list';
import { WarningListQuery, warningPage, WarningPage } from './warning-list';

/**
 * Answers the read side's questions for one dealer from the live version of each projection. Aggregates are
 * computed at query time from the per-lead documents, so the projections stay small and rebuildable.
 */
export class ReadModelQueries {
  constructor(private readonly store: ReadStore, private readonly clock: Clock, private readonly policy: TierPolicy = DEFAULT_TIER_POLICY) {}

  async funnel(dealerId: string, period: Period): Promise<FunnelReport> {
    const [leads, walkIns] = await Promise.all([this.funnelLeads(dealerId), this.walkInsWithoutRecord(dealerId)]);
    return funnelReport(leads, walkIns, period);
  }

  async tiers(dealerId: string, period: Period): Promise<TierReport> {
    return tierReport(await this.tierLeads(dealerId), period, this.clock.now(), this.policy);
  }

  async migrations(dealerId: string, period: Period): Promise<MigrationMatrix> {
    return migrationMatrix(await this.tierLeads(dealerId), period, this.policy);
  }

  async kpis(dealerId: string, period: Period): Promise<KpiReport> {
    const [funnel, tiers, walkIns] = await Promise.all([this.funnelLeads(dealerId), this.tierLeads(dealerId), this.walkInsWithoutRecord(dealerId)]);
    return kpiReport(funnel, tiers, period, walkIns);
  }

  async leads(dealerId: string, query: LeadListQuery): Promise<LeadPage> {
    const [funnel, tiers] = await Promise.all([this.funnelLeads(dealerId), this.tierLeads(dealerId)]);
    const tierById = new Map(tiers.map((t) => [t.leadId, t]));
    const now = this.clock.now();
    const rows = funnel.map((lead) => {
      const tier = tierById.get(lead.leadId);
      return toLeadRow(lead, tier, tier ? lifecycleAt(tier, now, this.policy) : null);
    });
    return leadPage(rows, query);
  }

  async touches(dealerId: string, query: TouchListQuery): Promise<TouchPage> {
    return touchPage(await this.listLive<LeadTouchesView>(TOUCHES_PROJECTION, dealerId), query);
  }

  async warnings(dealerId: string, query: WarningListQuery): Promise<WarningPage> {
    return warningPage(await this.listLive<LeadWarningsView>(WARNINGS_PROJECTION, dealerId), query);
  }

  private async funnelLeads(dealerId: string): Promise<FunnelLeadView[]> {
    return this.listLive<FunnelLeadView>(FUNNEL_PROJECTION, dealerId);
  }

  private async tierLeads(dealerId: string): Promise<TierLeadView[]> {
    return this.listLive<TierLeadView>(TIER_PROJECTION, dealerId);
  }

  private async walkInsWithoutRecord(dealerId: string): Promise<UnrecordedWalkInView[]> {
    return this.listLive<UnrecordedWalkInView>(SHOWROOM_PROJECTION, dealerId, SHOWROOM_COLLECTION);
  }

  /**
   * Only a live version answers: a lost model being rebuilt answers 503 rather than partial counts. An empty
   * store with an empty log goes live as soon as its runner starts.
   */
  private async listLive<T>(name: string, dealerId: string, collection = 'leads'): Promise<T[]> {
    try {
      const version = await this.store.liveVersion(name);
      if (version === undefined) throw readModelRebuilding(name);
      return (await this.store.list(name, version, collection, dealerId)).map((doc) => doc.body as T);
    } catch (error) {
      throw error instanceof DomainError ? error : readStoreUnavailable(error);
    }
  }
}
