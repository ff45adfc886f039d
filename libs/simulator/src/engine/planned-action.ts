import { LeadCommandInput } from '@crm/commands';
import { ActorRole } from '@crm/kernel';

/** A simulated member of staff; every generated action names one (sim-consultant-2, sim-crm-agent-1, ...). */
export interface SimActor {
  id: string;
  role: ActorRole;
}

/** Something staff or a customer does at a moment of simulated time, sent as a command through the CommandBus. */
export type PlannedAction =
  | { kind: 'lead'; at: number; leadId: string; actor: SimActor; command: LeadCommandInput; reason?: string }
  | { kind: 'unrecorded_walk_ins'; at: number; actor: SimActor; visitors: number };

/** Earliest first; ties keep the order they were planned in. A binary heap: the agenda holds every lead's future. */
export class Agenda {
  private readonly heap: Array<{ action: PlannedAction; seq: number }> = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(...actions: PlannedAction[]): void {
    for (const action of actions) {
      this.heap.push({ action, seq: this.seq++ });
      this.up(this.heap.length - 1);
    }
  }

  /** The time of the earliest action, or undefined when none is planned. */
  peekTime(): number | undefined {
    return this.heap[0]?.action.at;
  }

  /** Every action due at or before `until`, in time order. */
  popUntil(until: number): PlannedAction[] {
    const due: PlannedAction[] = [];
    while (this.heap.length > 0 && (this.heap[0] as { action: PlannedAction }).action.at <= until) due.push(this.pop());
    return due;
  }

  private pop(): PlannedAction {
    const top = this.heap[0] as { action: PlannedAction };
    const last = this.heap.pop() as { action: PlannedAction; seq: number };
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top.action;
  }

  private less(i: number, j: number): boolean {
    const a = this.heap[i] as { action: PlannedAction; seq: number };
    const b = this.heap[j] as { action: PlannedAction; seq: number };
    return a.action.at < b.action.at || (a.action.at === b.action.at && a.seq < b.seq);
  }

  private swap(i: number, j: number): void {
    const t = this.heap[i] as { action: PlannedAction; seq: number };
    this.heap[i] = this.heap[j] as { action: PlannedAction; seq: number };
    this.heap[j] = t;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.heap.length && this.less(left, smallest)) smallest = left;
      if (right < this.heap.length && this.less(right, smallest)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }
}
