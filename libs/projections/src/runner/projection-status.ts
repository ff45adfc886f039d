import { Clock } from '@crm/kernel';
import { EventStore } from '@crm/event-store';
import { ReadStore } from '../read-store/read-store.port';

export interface ProjectionStatus {
  name: string;
  liveVersion: number | null;
  checkpoint: number | null;
  headPosition: number;
  eventsBehind: number;
  /** How long the oldest unprocessed event has waited (by its recorded-at); 0 when caught up. */
  secondsBehind: number;
}

/** Checkpoints and lag as the read store holds them: right across processes (API, worker, CLI). */
export class ProjectionStatusReader {
  constructor(private readonly eventStore: EventStore, private readonly readStore: ReadStore, private readonly clock: Clock) {}

  async status(name: string): Promise<ProjectionStatus> {
    const liveVersion = (await this.readStore.liveVersion(name)) ?? null;
    const checkpoint = liveVersion === null ? null : (await this.readStore.checkpoint(name, liveVersion)) ?? null;
    const headPosition = await this.eventStore.headPosition();
    const eventsBehind = Math.max(0, headPosition - (checkpoint ?? 0));
    let secondsBehind = 0;
    if (eventsBehind > 0) {
      const [oldest] = await this.eventStore.readAll({ afterPosition: checkpoint ?? 0, maxCount: 1 });
      if (oldest) secondsBehind = Math.max(0, (this.clock.now().getTime() - Date.parse(oldest.metadata.recordedAt)) / 1000);
    }
    return { name, liveVersion, checkpoint, headPosition, eventsBehind, secondsBehind };
  }

  /** Read-your-writes: true once every named projection has processed `position`, false after `timeoutMs`. */
  async waitFor(names: readonly string[], position: number, timeoutMs: number, pollMs = 10): Promise<boolean> {
    for (let waited = 0; ; waited += pollMs) {
      if (await this.reached(names, position)) return true;
      if (waited >= timeoutMs) return false;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  private async reached(names: readonly string[], position: number): Promise<boolean> {
    for (const name of names) {
      const version = await this.readStore.liveVersion(name);
      const checkpoint = version === undefined ? undefined : await this.readStore.checkpoint(name, version);
      if ((checkpoint ?? 0) < position) return false;
    }
    return true;
  }
}
