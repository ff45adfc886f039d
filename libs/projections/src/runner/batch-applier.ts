import { RecordedEvent } from '@crm/event-store';
import { Projection } from '../projection';
import { DocChange, ReadStore, StoredDoc } from '../read-store/read-store.port';

interface WorkingDoc {
  original: StoredDoc | undefined;
  body: unknown;
  dirty: boolean;
}

/**
 * Applies a batch of events to the documents they touch, in memory: one load for the batch, one commit after.
 * Projections are pure, so the result does not depend on where batch boundaries fall.
 */
export async function applyBatch(
  readStore: ReadStore, projection: Projection, version: number, events: readonly RecordedEvent[],
): Promise<DocChange[]> {
  const envelopes = events.flatMap((event) => {
    const envelope = projection.decode(event);
    return envelope === undefined ? [] : [envelope];
  });
  if (envelopes.length === 0) return [];
  const ids = [...new Set(envelopes.map((envelope) => projection.documentId(envelope)))];
  const loaded = await readStore.load(projection.name, version, projection.collection, ids);
  const working = new Map<string, WorkingDoc>();
  for (const envelope of envelopes) {
    const id = projection.documentId(envelope);
    let doc = working.get(id);
    if (!doc) {
      const original = loaded.get(id);
      doc = { original, body: original?.body, dirty: false };
      working.set(id, doc);
    }
    const next = projection.evolve(doc.body, envelope);
    if (next !== doc.body) {
      doc.body = next;
      doc.dirty = true;
    }
  }
  return changesOf(projection, working);
}

function changesOf(projection: Projection, working: Map<string, WorkingDoc>): DocChange[] {
  const changes: DocChange[] = [];
  for (const [id, doc] of working) {
    if (!doc.dirty) continue;
    if (doc.body === undefined) {
      if (doc.original) changes.push({ kind: 'delete', collection: projection.collection, id, partition: doc.original.partition });
      continue;
    }
    const partition = projection.partitionOf(doc.body);
    changes.push({
      kind: 'put',
      doc: { collection: projection.collection, id, partition, body: doc.body },
      ...(doc.original && doc.original.partition !== partition ? { previousPartition: doc.original.partition } : {}),
    });
  }
  return changes;
}
