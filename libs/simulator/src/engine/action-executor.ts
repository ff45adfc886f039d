import { CommandBus } from '@nestjs/cqrs';
import { CommandOrigin, CountUnrecordedWalkInCommand, ExecuteLeadCommand } from '@crm/commands';
import { Clock, DomainError } from '@crm/kernel';
import { PlannedAction } from './planned-action';

/** What the generated actions came to: commands the domain took, and those it refused, by error code. */
export interface ExecutionCounts {
  commands: number;
  refused: Record<string, number>;
}

/**
 * Sends a step's actions through the CommandBus as staff would through the API: source `import` (generated, not
 * typed by a person at a screen), the simulated actor, occurredAt = the action's own moment (back-dated within the
 * step). One lead's actions go in order; different leads' go side by side, so appends share commits.
 */
export class ActionExecutor {
  readonly counts: ExecutionCounts = { commands: 0, refused: {} };

  constructor(private readonly bus: CommandBus, private readonly clock: Clock, private readonly dealerId: string, private readonly concurrency: number) {}

  async execute(actions: readonly PlannedAction[]): Promise<void> {
    const byLead = new Map<string, PlannedAction[]>();
    for (const action of actions) {
      const key = action.kind === 'lead' ? action.leadId : 'showroom';
      const list = byLead.get(key);
      if (list) list.push(action);
      else byLead.set(key, [action]);
    }
    const groups = [...byLead.values()];
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < groups.length) {
        const group = groups[next++] as PlannedAction[];
        for (const action of group) await this.one(action);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, groups.length) }, lane));
  }

  private async one(action: PlannedAction): Promise<void> {
    const now = this.clock.now().getTime();
    const origin: CommandOrigin = {
      actor: { ...action.actor, dealerId: this.dealerId },
      source: 'import',
      correlationId: action.kind === 'lead' ? `sim:${action.leadId}` : `sim:showroom:${action.at}`,
      causationId: `sim:${action.at}`,
      occurredAt: new Date(Math.min(action.at, now)).toISOString(),
    };
    try {
      if (action.kind === 'lead') await this.bus.execute(new ExecuteLeadCommand(action.leadId, action.command, origin));
      else await this.bus.execute(new CountUnrecordedWalkInCommand({ visitors: action.visitors }, origin));
      this.counts.commands += 1;
    } catch (error) {
      // A refusal is the domain's answer to a plan that went stale (the lead moved on meanwhile): counted, not fatal.
      if (!(error instanceof DomainError)) throw error;
      this.counts.refused[error.code] = (this.counts.refused[error.code] ?? 0) + 1;
    }
  }
}
