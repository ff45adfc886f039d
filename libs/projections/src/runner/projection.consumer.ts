import { CheckpointedConsumer, EventStore, RecordedEvent, RestartFromCheckpoint } from '@crm/event-store';
import { Projection } from '../projection';
import { ReadStore } from '../read-store/read-store.port';
import { applyBatch } from './batch-applier';

export interface CommittedBatch {
  projection: string;
  version: number;
  events: readonly RecordedEvent[];
  checkpoint: number;
}

/** 'fixed': fills one given version (a rebuild); 'live': follows the live version; 'building': replaces a lost one. */
export type ProjectionMode = 'fixed' | 'live' | 'building';

export class ProjectionVersionGone extends Error {
  constructor(name: string, version: number) {
    super(`${name} v${version} no longer exists`);
    this.name = 'ProjectionVersionGone';
  }
}

export interface ProjectionConsumerOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  projection: Projection;
  /** A fixed version to fill (it must exist); without it the consumer follows the live version. */
  version?: number;
  onCommitted?: (batch: CommittedBatch) => void;
  /** The live read model was lost (Redis restarted or flushed): a new version is being built from position 0. */
  onRecovery?: (projection: string, version: number) => void;
}

/**
 * A projection as a checkpointed consumer. Each batch's changes and the new checkpoint are committed together,
 * and only if the stored checkpoint is still the one this consumer read, so a crash mid-batch leaves nothing of
 * the batch, and a version switched by a rebuild, another runner or a flushed Redis shows up as a conflict after
 * which the subscriber reloads where things stand. A lost live version is never refilled in place: a new version
 * is built from position 0 and made live once it has caught up, so nobody reads a half-filled model.
 */
export class ProjectionConsumer implements CheckpointedConsumer {
  mode: ProjectionMode;
  version: number | undefined;
  recoveries = 0;
  private position = 0;
  /** The live version a build replaces (the compare-and-set's expected value), and the head it must reach. */
  private replacing: number | undefined;
  private buildTarget = 0;
  private everLive = false;

  constructor(private readonly options: ProjectionConsumerOptions) {
    this.mode = options.version === undefined ? 'live' : 'fixed';
    this.version = options.version;
  }

  get name(): string {
    return this.options.projection.name;
  }

  async loadCheckpoint(): Promise<number> {
    const { readStore } = this.options;
    if (this.options.version !== undefined) {
      const checkpoint = await readStore.checkpoint(this.name, this.options.version);
      if (checkpoint === undefined) throw new ProjectionVersionGone(this.name, this.options.version);
      return this.adopt('fixed', this.options.version, checkpoint);
    }
    const live = await readStore.liveVersion(this.name);
    const liveCheckpoint = live === undefined ? undefined : await readStore.checkpoint(this.name, live);
    if (live !== undefined && liveCheckpoint !== undefined) {
      this.everLive = true;
      return this.adopt('live', live, liveCheckpoint);
    }
    this.replacing = live;
    this.buildTarget = await this.options.eventStore.headPosition();
    const building = await readStore.buildingVersion(this.name);
    const buildingCheckpoint = building === undefined ? undefined : await readStore.checkpoint(this.name, building);
    if (building !== undefined && buildingCheckpoint !== undefined) {
      this.adopt('building', building, buildingCheckpoint);
      return this.goLiveIfCaughtUp();
    }
    return this.startBuild(live, building);
  }

  async handle(events: readonly RecordedEvent[]): Promise<void> {
    const last = events[events.length - 1];
    const version = this.version;
    if (!last || version === undefined) return;
    const { readStore, projection } = this.options;
    const changes = await applyBatch(readStore, projection, version, events);
    const result = await readStore.commit(projection.name, version, changes, this.position, last.position);
    if (!result.ok) throw new RestartFromCheckpoint(`${this.name} v${version}: checkpoint moved`);
    this.position = last.position;
    this.options.onCommitted?.({ projection: projection.name, version, events, checkpoint: last.position });
    if (this.mode === 'building') await this.goLiveIfCaughtUp();
  }

  /** Whether the read model this consumer serves is still where it left it (false: lost or switched). */
  async stillInPlace(): Promise<boolean> {
    if (this.mode !== 'live' || this.version === undefined) return true;
    const { readStore } = this.options;
    return (await readStore.liveVersion(this.name)) === this.version && (await readStore.checkpoint(this.name, this.version)) !== undefined;
  }

  private async startBuild(live: number | undefined, building: number | undefined): Promise<number> {
    const { readStore } = this.options;
    const version = await readStore.allocateVersion(this.name);
    await readStore.createVersion(this.name, version);
    if (!(await readStore.setBuildingVersion(this.name, version, building))) {
      await readStore.dropVersion(this.name, version);
      throw new RestartFromCheckpoint(`${this.name}: another runner started a build first`);
    }
    if (live !== undefined || this.everLive) {
      this.recoveries += 1;
      this.options.onRecovery?.(this.name, version);
    }
    this.adopt('building', version, 0);
    return this.goLiveIfCaughtUp();
  }

  /** Makes the built version live once it holds every event that existed when the build (re)started. */
  private async goLiveIfCaughtUp(): Promise<number> {
    const { readStore } = this.options;
    const version = this.version as number;
    if (this.position < this.buildTarget) return this.position;
    if (!(await readStore.setLiveVersion(this.name, version, this.replacing)) && (await readStore.liveVersion(this.name)) !== version) {
      // Another build went live first: this one is not needed.
      await readStore.setBuildingVersion(this.name, undefined, version);
      await readStore.dropVersion(this.name, version);
      throw new RestartFromCheckpoint(`${this.name}: another build went live first`);
    }
    await readStore.setBuildingVersion(this.name, undefined, version);
    if (this.replacing !== undefined && this.replacing !== version) await readStore.dropVersion(this.name, this.replacing);
    this.replacing = undefined;
    this.mode = 'live';
    this.everLive = true;
    return this.position;
  }

  private adopt(mode: ProjectionMode, version: number, checkpoint: number): number {
    this.mode = mode;
    this.version = version;
    this.position = checkpoint;
    return checkpoint;
  }
}
