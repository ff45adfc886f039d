import type { LoadedLead } from './lead-stream.loader';

const DEFAULT_CAPACITY = 10_000;

/**
 * The last folded state of recently used leads, least recently used evicted first. A hit is never trusted
 * blindly: the loader still reads the stream from the cached revision on, so a write by another process is
 * folded in. What it saves is re-reading and re-folding the whole history on every command.
 */
export class LeadStateCache {
  private readonly entries = new Map<string, LoadedLead>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  get(leadId: string): LoadedLead | undefined {
    const entry = this.entries.get(leadId);
    if (entry) {
      this.entries.delete(leadId);
      this.entries.set(leadId, entry);
    }
    return entry;
  }

  set(leadId: string, lead: LoadedLead): void {
    this.entries.delete(leadId);
    this.entries.set(leadId, lead);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
