import { EventStore, RecordedEvent } from '@crm/event-store';
import { Projection } from '../projection';
import { ReadStore } from '../read-store/read-store.port';
import { applyBatch } from './batch-applier';
import { InterruptibleSleep } from './interruptible-sleep';

export interface CommittedBatch {
  projection: string;
  version: number;
  events: readonly RecordedEvent[];
  checkpoint: number;
}

export interface ProjectionRunnerOptions {
  eventStore: EventStore;
  readStore: ReadStore;
  projection: Projection;
  batchSize?: number;
  idlePollMs?: number;
  /** A fixed version (a rebuild fills it); without it the runner follows the live pointer. */
  version?: number;
  onCommitted?: (batch: CommittedBatch) => void;
  onError?: (error: unknown) => void;
  /** A lost read model (Redis restarted or flushed) was detected and is being rebuilt from position 0. */
  onRecovery?: (projection: string, version: number) => void;
}

class VersionGone extends Error {}

/**
 * Feeds one projection from the global log, in batches, from its own checkpoint. Each batch's changes and the
 * new checkpoint are committed together and only if the stored checkpoint is still the one this runner read:
 * a crash mid-batch leaves the old checkpoint and nothing of the batch; a version switched by a rebuild, another
 * runner, or a flushed Redis all show up as a failed commit, after which the runner re-reads where it stands.
 */
export class ProjectionRunner {
  private version: number | undefined;
  private position = 0;
  private attached = false;
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly sleeper = new InterruptibleSleep();
  private readonly batchSize: number;
  private readonly idlePollMs: number;
  recoveries = 0;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.batchSize = options.batchSize ?? 2000;
    this.idlePollMs = options.idlePollMs ?? 20;
  }

  get name(): string { return this.options.projection.name; }
  get checkpoint(): number { return this.position; }
  get currentVersion(): number | undefined { return this.version; }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.sleeper.interrupt();
    await this.loop;
  }

  /** Processes batches until the checkpoint reaches `target` (default: the head when called). */
  async catchUp(target?: number, onProgress?: (checkpoint: number, target: number) => void): Promise<void> {
    const until = target ?? (await this.options.eventStore.headPosition());
    while (this.position < until || !this.attached) {
      const processed = await this.step();
      onProgress?.(this.position, until);
      if (processed === 0 && this.position < until) await this.sleeper.sleep(this.idlePollMs);
    }
  }

  /** One batch: returns how many events it committed (0 when idle or after re-attaching). */
  async step(): Promise<number> {
    const { readStore, projection } = this.options;
    if (!this.attached || (this.options.version === undefined && (await readStore.liveVersion(projection.name)) !== this.version)) {
      await this.attach();
      if (!this.attached) return 0;
    }
    const version = this.version as number;
    const events = await this.options.eventStore.readAll({ afterPosition: this.position, maxCount: this.batchSize });
    const last = events[events.length - 1];
    if (!last) {
      if ((await readStore.checkpoint(projection.name, version)) !== this.position) this.attached = false;
      return 0;
    }
    const changes = await applyBatch(readStore, projection, version, events);
    const result = await readStore.commit(projection.name, version, changes, this.position, last.position);
    if (!result.ok) {
      this.attached = false;
      return 0;
    }
    this.position = last.position;
    this.options.onCommitted?.({ projection: projection.name, version, events, checkpoint: last.position });
    return events.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const processed = await this.step();
        if (processed < this.batchSize && this.running) await this.sleeper.sleep(processed === 0 ? this.idlePollMs : 0);
      } catch (error) {
        this.attached = false;
        this.options.onError?.(error);
        if (this.running) await this.sleeper.sleep(250);
      }
    }
  }

  private async attach(): Promise<void> {
    const { readStore, projection } = this.options;
    const name = projection.name;
    if (this.options.version !== undefined) {
      const checkpoint = await readStore.checkpoint(name, this.options.version);
      if (checkpoint === undefined) throw new VersionGone(`${name} v${this.options.version} no longer exists`);
      this.adopt(this.options.version, checkpoint);
      return;
    }
    const live = await readStore.liveVersion(name);
    const version = live ?? this.version ?? 1;
    const checkpoint = live === undefined ? undefined : await readStore.checkpoint(name, version);
    if (checkpoint !== undefined) {
      this.adopt(version, checkpoint);
      return;
    }
    // A rebuild flips the pointer before it drops the old version: re-reading the pointer tells a finished
    // rebuild (attach to the new version next step) from a lost read model.
    if (live !== undefined && (await readStore.liveVersion(name)) !== live) return;
    // Nothing is there: a first start, or the read model was lost (Redis keeps nothing on disk). Start from 0.
    await readStore.createVersion(name, version);
    if (live === undefined && !(await readStore.setLiveVersion(name, version, undefined))) return; // another runner won; re-attach next step
    if (this.position > 0 || live !== undefined) {
      this.recoveries += 1;
      this.options.onRecovery?.(name, version);
    }
    this.adopt(version, 0);
  }

  private adopt(version: number, checkpoint: number): void {
    this.version = version;
    this.position = checkpoint;
    this.attached = true;
  }
}
