import { setTimeout as sleep } from 'node:timers/promises';
import { PermanentDeliveryError, TouchChannel } from './touch-channel.port';
import { TouchMessage } from './touch-message';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signBody } from './webhook-signature';

export interface WebhookOptions {
  url: string;
  secret: string;
  timeoutMs: number;
  /** Further tries within one send after a timeout, a network error, 408, 429 or a 5xx. */
  retries: number;
  /** Pause before the first retry; doubled for each further one. */
  retryDelayMs: number;
}

/** Statuses after which the same request may succeed later. */
const RETRYABLE = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/**
 * POSTs the touch as JSON, signed with HMAC-SHA256 and carrying the touch id as Idempotency-Key, so that a
 * receiver can check where it came from and drop a repeat. Brief failures are retried here with backoff; what
 * still fails is the dispatcher's to record and try again later (or give up on).
 */
export class WebhookTouchChannel extends TouchChannel {
  readonly name = 'webhook' as const;

  constructor(private readonly options: WebhookOptions) {
    super();
  }

  override async send(message: TouchMessage): Promise<void> {
    const body = JSON.stringify(message);
    const headers = {
      'content-type': 'application/json',
      [IDEMPOTENCY_HEADER]: message.touchId,
      [SIGNATURE_HEADER]: signBody(body, this.options.secret),
    };
    let lastError = '';
    for (let attempt = 0; attempt <= this.options.retries; attempt += 1) {
      if (attempt > 0) await sleep(this.options.retryDelayMs * 2 ** (attempt - 1));
      const outcome = await this.post(body, headers);
      if (outcome === 'ok') return;
      lastError = outcome;
    }
    throw new Error(`webhook: ${lastError} after ${this.options.retries + 1} tries`);
  }

  /** 'ok', or why a retry may help; a refusal that no retry can change throws. */
  private async post(body: string, headers: Record<string, string>): Promise<string> {
    let response: Response;
    try {
      response = await fetch(this.options.url, { method: 'POST', body, headers, signal: AbortSignal.timeout(this.options.timeoutMs) });
    } catch (error) {
      const failure = error as Error & { cause?: Error };
      return failure.name === 'TimeoutError' ? `no answer within ${this.options.timeoutMs} ms` : failure.cause?.message ?? failure.message;
    }
    // The body is not needed; reading it frees the connection for reuse.
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return 'ok';
    if (!RETRYABLE(response.status)) throw new PermanentDeliveryError(`webhook answered HTTP ${response.status}`);
    return `HTTP ${response.status}`;
  }
}
