import fc from 'fast-check';
import { EventToAppend, RecordedEvent } from '@crm/event-store';
import { FunnelProjection } from '../funnel/funnel.projection';
import { LeadEnvelope, Projection } from '../projection';
import { globalLogScenarioArbitrary, interleave, StreamAppend } from '../testing/lead-event.arbitrary';
import { TierProjection } from '../tiers/tier.projection';

const projections: Array<Projection<{ history?: unknown }, LeadEnvelope>> = [new FunnelProjection(), new TierProjection()];

/** Runs a projection's pure evolve over a log, as the runner would: one document per id, in log order. */
function rows(projection: Projection<{ history?: unknown }, LeadEnvelope>, log: readonly StreamAppend[]): Record<string, unknown> {
  const docs = new Map<string, { history?: unknown }>();
  const revisions = new Map<string, number>();
  log.forEach(({ streamId, event }: { streamId: string; event: EventToAppend }, index) => {
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    const recorded: RecordedEvent = { streamId, revision, position: index + 1, type: event.type, data: event.data, metadata: event.metadata };
    const envelope = projection.decode(recorded);
    if (!envelope) return;
    const id = projection.documentId(envelope);
    const next = projection.evolve(docs.get(id), envelope);
    if (next === undefined) docs.delete(id);
    else docs.set(id, next);
  });
  // The history holds revisions, which depend on the recording order by nature; the row is what must not.
  return Object.fromEntries([...docs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, { history: _history, ...row }]) => [id, row]));
}

describe('read models do not depend on the order facts were recorded in', () => {
  it('funnel and tier rows after any recording order equal those after recording in occurrence order', () => {
    fc.assert(fc.property(globalLogScenarioArbitrary, (scenario) => {
      const recorded = interleave(scenario);
      const inOrder = interleave(scenario, true);
      for (const projection of projections) expect(rows(projection, recorded)).toEqual(rows(projection, inOrder));
    }), { numRuns: 300 });
  });
});
