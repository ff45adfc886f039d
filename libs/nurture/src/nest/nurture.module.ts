import { DynamicModule, Inject, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DealerStreamLoader, LeadStreamLoader } from '@crm/commands';
import { APP_CONFIG, AppConfig, loadConfig } from '@crm/config';
import { EventStore } from '@crm/event-store';
import { ReadStore } from '@crm/projections';
import { CadencePolicy } from '../cadence/cadence-policy';
import { DEFAULT_CADENCE_POLICY } from '../cadence/default-cadence';
import { NurtureSagaConsumer } from './nurture-saga.consumer';
import { NurtureSagaRunner } from './nurture-saga.runner';
import { NurtureSagaStep } from './nurture-saga.step';
import { SagaCommandSender } from './saga-command.sender';

export const CADENCE_POLICY = Symbol('CADENCE_POLICY');
const RUN_IN_PROCESS = Symbol('NURTURE_RUN_IN_PROCESS');

export interface NurtureModuleOptions {
  /** Run the saga here; default: NURTURE_IN_PROCESS, else PROJECTIONS_IN_PROCESS. The worker passes true. */
  runInProcess?: boolean;
  /** The cadence every dealer starts from (its stream may override entries); default: DEFAULT_CADENCE_POLICY. */
  cadence?: CadencePolicy;
}

/**
 * The nurture saga for a process (the worker, or the API in the embedded profile). Needs the CommandsModule (the
 * CommandBus, the lead and dealer loaders), the EventStore and the ProjectionsModule's ReadStore (its checkpoint).
 */
@Module({})
export class NurtureModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(RUN_IN_PROCESS) private readonly runInProcess: boolean, private readonly runner: NurtureSagaRunner) {}

  static forRoot(options: NurtureModuleOptions = {}): DynamicModule {
    return {
      module: NurtureModule,
      providers: [
        {
          provide: RUN_IN_PROCESS,
          useFactory: (config?: AppConfig) => {
            const settings = config ?? loadConfig();
            return options.runInProcess ?? settings.NURTURE_IN_PROCESS ?? settings.PROJECTIONS_IN_PROCESS;
          },
          inject: [{ token: APP_CONFIG, optional: true }],
        },
        { provide: CADENCE_POLICY, useValue: options.cadence ?? DEFAULT_CADENCE_POLICY },
        {
          provide: NurtureSagaRunner,
          useFactory: (store: EventStore, readStore: ReadStore, bus: CommandBus, leads: LeadStreamLoader, dealers: DealerStreamLoader, cadence: CadencePolicy) => {
            const step = new NurtureSagaStep(store, leads, dealers, new SagaCommandSender(bus, leads), cadence);
            return new NurtureSagaRunner(store, new NurtureSagaConsumer(readStore, step));
          },
          inject: [EventStore, ReadStore, CommandBus, LeadStreamLoader, DealerStreamLoader, CADENCE_POLICY],
        },
      ],
      exports: [NurtureSagaRunner, CADENCE_POLICY],
    };
  }

  onApplicationBootstrap(): void {
    if (this.runInProcess) this.runner.start();
  }

  // Before any shutdown hook: the batch in hand finishes while the event store is still open.
  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }
}
