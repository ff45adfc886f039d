import { Clock } from '@crm/kernel';
import { EventStore } from '@crm/event-store';
import { ReadStore } from '../read-store/read-store.port';
import { ProjectionRunnerHost } from './projection-runner.host';

/** live: answers queries; rebuilding: a lost model is being rebuilt (queries answer 503); missing: never built. */
export type ProjectionState = 'live' | 'rebuilding' | 'missing';

export interface ProjectionStatus {
  name: string;
  state: ProjectionState;
  liveVersion: number | null;
  /** The version being built to replace a lost live one; null when none. */
  buildingVersion: number | null;
  /** The checkpoint of the live version, or of the version being built while rebuilding. */
  checkpoint: number | null;
  headPosition: number;
  eventsBehind: number;
  /** How long the oldest unprocessed event has waited (by its recorded-at); 0 when caught up. */
  secondsBehind: number;
}

/** How often a read-your-writes wait looks at a checkpoint kept by another process (the worker). */
const REMOTE_POLL_MS = 10;

/** Checkpoints and lag as the read store holds them: right across processes (API, worker, CLI). */
export class ProjectionStatusReader {
  constructor(
    private readonly eventStore: EventStore,
    private readonly readStore: ReadStore,
    private readonly clock: Clock,
    /** The runners of this process, when projections run here: their commits wake a wait at once. */
    private readonly local?: ProjectionRunnerHost,
  ) {}

  async status(name: string): Promise<ProjectionStatus> {
    const liveVersion = (await this.readStore.liveVersion(name)) ?? null;
    const liveCheckpoint = liveVersion === null ? undefined : await this.readStore.checkpoint(name, liveVersion);
    const buildingVersion = (await this.readStore.buildingVersion(name)) ?? null;
    const buildingCheckpoint = buildingVersion === null ? undefined : await this.readStore.checkpoint(name, buildingVersion);
    const state: ProjectionState = liveCheckpoint !== undefined ? 'live' : buildingCheckpoint !== undefined ? 'rebuilding' : 'missing';
    const checkpoint = liveCheckpoint ?? buildingCheckpoint ?? null;
    const headPosition = await this.eventStore.headPosition();
    const eventsBehind = Math.max(0, headPosition - (checkpoint ?? 0));
    let secondsBehind = 0;
    if (eventsBehind > 0) {
      const [oldest] = await this.eventStore.readAll({ afterPosition: checkpoint ?? 0, maxCount: 1 });
      if (oldest) secondsBehind = Math.max(0, (this.clock.now().getTime() - Date.parse(oldest.metadata.recordedAt)) / 1000);
    }
    return { name, state, liveVersion, buildingVersion, checkpoint, headPosition, eventsBehind, secondsBehind };
  }

  /** Read-your-writes: true once every named projection's live model holds `position`, false after `timeoutMs`. */
  async waitFor(names: readonly string[], position: number, timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => {
      timedOut = true;
      resolve(false);
    }, timeoutMs)));
    const reachedAll = async (): Promise<boolean> => {
      for (const name of names) {
        const runner = this.local?.runner(name);
        if (runner ? !(await runner.waitForLive(position, timeoutMs)) : !(await this.pollUntil(name, position, () => timedOut))) return false;
      }
      return true;
    };
    try {
      return await Promise.race([reachedAll(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async pollUntil(name: string, position: number, stop: () => boolean): Promise<boolean> {
    while (!(await this.reached(name, position))) {
      if (stop()) return false;
      await new Promise((resolve) => setTimeout(resolve, REMOTE_POLL_MS));
    }
    return true;
  }

  private async reached(name: string, position: number): Promise<boolean> {
    const version = await this.readStore.liveVersion(name);
    const checkpoint = version === undefined ? undefined : await this.readStore.checkpoint(name, version);
    return (checkpoint ?? 0) >= position;
  }
}
