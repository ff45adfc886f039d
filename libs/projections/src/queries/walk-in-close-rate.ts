import { Channel } from '@crm/lead';
import { UnrecordedWalkInView } from '../showroom/unrecorded-walk-in.view';
import { FunnelEntry } from './funnel-report';
import { ratio } from './period';

const WALK_IN: Channel = 'walk_in';

/**
 * The close rate as the dealer guide defines it (seed 002, 汽车终端销售中客户信息的留存): showroom traffic
 * (经销商集客, walk-in) -> recorded prospects (潜在客户, customer file) -> closes (成交), with the walk-ins who left
 * no record (未留档客户数量) in the base, so a showroom that records few visitors cannot look efficient.
 */
export interface WalkInCloseRate {
  /** Everyone who walked in during the period: recorded walk-in leads plus visitors who left no record. */
  walkIns: number;
  unrecorded: number;
  /** Walk-in leads registered in the period (留档), not closed as invalid or duplicate. */
  recorded: number;
  /** Of those, the ones whose first purchase was signed (won, delivered or not). */
  closes: number;
  /** recorded / walkIns (留档率). */
  recordRate: number | null;
  /** closes / walkIns: the guide's 成交率. */
  closeRate: number | null;
}

/** `firstCycles`: valid first cycles of leads registered in the period; `walkIns`: the counts made in the period. */
export function walkInCloseRate(firstCycles: readonly FunnelEntry[], walkIns: readonly UnrecordedWalkInView[]): WalkInCloseRate {
  const recordedWalkIns = firstCycles.filter((c) => c.channel === WALK_IN);
  const unrecorded = walkIns.reduce((sum, w) => sum + w.visitors, 0);
  const recorded = recordedWalkIns.length;
  const closes = recordedWalkIns.filter((c) => c.status === 'won').length;
  const total = recorded + unrecorded;
  return { walkIns: total, unrecorded, recorded, closes, recordRate: ratio(recorded, total), closeRate: ratio(closes, total) };
}
