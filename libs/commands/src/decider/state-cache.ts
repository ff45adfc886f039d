const DEFAULT_CAPACITY = 10_000;

/**
 * The last folded state of recently used streams, least recently used evicted first. A hit is never trusted
 * blindly: the loader still reads the stream from the cached revision on, so a write by another process is
 * folded in. What it saves is re-reading and re-folding the whole history on every command.
 */
export class StateCache<Entry> {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
