/** Something that says "new events may exist": lets a caught-up subscription wake without waiting for a poll. */
export interface WakeUpSource {
  /** Registers a listener; returns the function that removes it. */
  listen(listener: () => void): () => void;
}

/** In-process wake-ups: an adapter calls notify() after each committed append. */
export class AppendNotifier implements WakeUpSource {
  private readonly listeners = new Set<() => void>();

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of this.listeners) listener();
  }
}
