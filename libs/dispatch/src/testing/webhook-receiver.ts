import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, verifySignature } from '../channels/webhook-signature';
import { TouchMessage } from '../channels/touch-message';

export interface ReceivedTouch {
  idempotencyKey: string | undefined;
  signed: boolean;
  message: TouchMessage;
}

/** What the receiver answers a request with (default 200 at once): after `delayMs`, or once `after` settles. */
export type Responder = (received: ReceivedTouch, attempt: number) => { status: number; delayMs?: number; after?: Promise<unknown> } | 'hang';

/** A real HTTP server that records every touch POSTed to it, for the webhook channel's tests. */
export class WebhookReceiver {
  readonly received: ReceivedTouch[] = [];
  responder: Responder = () => ({ status: 200 });
  url = '';
  /** Requests received and not yet answered. */
  inFlight = 0;
  private readonly server: Server;
  private readonly hanging = new Set<ServerResponse>();

  constructor(private readonly secret: string) {
    this.server = createServer((request, response) => void this.onRequest(request, response));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/touches`;
    return this.url;
  }

  keys(): string[] {
    return this.received.map((r) => r.idempotencyKey ?? '');
  }

  async close(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const header = request.headers[IDEMPOTENCY_HEADER];
    const received: ReceivedTouch = {
      idempotencyKey: Array.isArray(header) ? header[0] : header,
      signed: verifySignature(body, this.secret, request.headers[SIGNATURE_HEADER] as string | undefined),
      message: JSON.parse(body) as TouchMessage,
    };
    this.received.push(received);
    this.inFlight += 1;
    const attempt = this.received.filter((r) => r.idempotencyKey === received.idempotencyKey).length;
    const answer = this.responder(received, attempt);
    if (answer === 'hang') {
      this.hanging.add(response);
      return;
    }
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (answer.after) await answer.after;
    this.inFlight -= 1;
    response.writeHead(answer.status, { 'content-type': 'application/json' }).end('{}');
  }
}
