import { Logger } from '@nestjs/common';
import { EventStore } from '@crm/event-store';
import { Projection } from '../projection';
import { ReadStore } from '../read-store/read-store.port';
import { ProjectionRunner, ProjectionRunnerOptions } from './projection-runner';

/** Runs one ProjectionRunner per projection in this process (the API in the embedded profile, or the worker). */
export class ProjectionRunnerHost {
  private readonly logger = new Logger('Projections');
  readonly runners: ProjectionRunner[];

  constructor(
    eventStore: EventStore,
    readStore: ReadStore,
    projections: readonly Projection[],
    options: Partial<Pick<ProjectionRunnerOptions, 'batchSize' | 'watchdogMs' | 'onCommitted'>> = {},
  ) {
    this.runners = projections.map((projection) => new ProjectionRunner({
      eventStore, readStore, projection, ...options,
      onError: (error) => this.logger.error(`${projection.name}: ${(error as Error).message ?? String(error)}`),
      onRecovery: (name, version) => this.logger.warn(`${name} v${version}: read model lost, rebuilding from position 0`),
    }));
  }

  start(): void {
    for (const runner of this.runners) runner.start();
    this.logger.log(`running ${this.runners.map((r) => r.name).join(', ')}`);
  }

  async stop(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  /** The runner of `name` when it runs in this process. */
  runner(name: string): ProjectionRunner | undefined {
    return this.runners.find((runner) => runner.name === name);
  }
}
