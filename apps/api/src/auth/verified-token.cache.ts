import { Actor } from '@crm/kernel';

interface Entry {
  actor: Actor;
  /** Epoch ms after which the token is no longer accepted; Infinity without an exp claim. */
  expiresAt: number;
}

const CAPACITY = 1_000;

/**
 * Tokens already verified, so that a client sending the same token on every request pays for the HMAC and the
 * JSON parsing once. Bounded, oldest first out; an entry past its exp is dropped, never served.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  get(token: string, nowMs: number): Actor | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAt <= nowMs) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.actor;
  }

  set(token: string, actor: Actor, exp: unknown): void {
    const expiresAt = typeof exp === 'number' ? exp * 1000 : Number.POSITIVE_INFINITY;
    if (this.entries.size >= CAPACITY) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, { actor, expiresAt });
  }
}
