import { DomainError } from '@crm/kernel';
import { EventStore } from '@crm/event-store';
import { Projection } from '../projection';
import { ProjectionErrorCode } from '../projection.errors';
import { ReadStore } from '../read-store/read-store.port';
import { ProjectionRunner } from './projection-runner';

export interface RebuildProgress {
  checkpoint: number;
  target: number;
}

export interface RebuildResult {
  name: string;
  version: number;
  previousVersion: number | undefined;
  checkpoint: number;
}

/**
 * Rebuilds a projection from position 0 into version v+1 while v keeps serving, then flips the pointer and drops
 * v. A live runner notices the flip at its next batch (or its next failed commit) and continues on v+1.
 */
export class ProjectionRebuilder {
  constructor(private readonly eventStore: EventStore, private readonly readStore: ReadStore) {}

  async rebuild(projection: Projection, options: { batchSize?: number; onProgress?: (p: RebuildProgress) => void } = {}): Promise<RebuildResult> {
    const name = projection.name;
    const previousVersion = await this.readStore.liveVersion(name);
    const version = await this.readStore.allocateVersion(name);
    await this.readStore.createVersion(name, version);
    const runner = new ProjectionRunner({
      eventStore: this.eventStore, readStore: this.readStore, projection, version, batchSize: options.batchSize ?? 5000,
    });
    // The log grows during a long rebuild: chase the head until a pass finds nothing new.
    for (let target = await this.eventStore.headPosition(); ; target = await this.eventStore.headPosition()) {
      await runner.catchUp(target, (checkpoint) => options.onProgress?.({ checkpoint, target }));
      if (target === (await this.eventStore.headPosition())) break;
    }
    if (!(await this.readStore.setLiveVersion(name, version, previousVersion))) {
      // Another rebuild won; its version may carry the same number, and then it is live: leave it.
      if ((await this.readStore.liveVersion(name)) !== version) await this.readStore.dropVersion(name, version);
      throw new DomainError(ProjectionErrorCode.RebuildRaced, `Another rebuild of ${name} switched versions first`, 'conflict');
    }
    if (previousVersion !== undefined) await this.readStore.dropVersion(name, previousVersion);
    return { name, version, previousVersion, checkpoint: runner.checkpoint };
  }
}
