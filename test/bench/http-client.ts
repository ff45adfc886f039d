import { connect, Socket } from 'node:net';

export interface HttpAnswer {
  status: number;
  body: string;
}

/**
 * One keep-alive HTTP/1.1 connection that sends a request and reads its answer, nothing more. Node's own
 * http client costs about as much CPU per request as the API does; on a 2-core machine a benchmark using it
 * measures the client as much as the server.
 */
export class KeepAliveConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private pending: ((answer: HttpAnswer) => void) | undefined;
  private failed: ((error: Error) => void) | undefined;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.failed?.(error));
    socket.on('close', () => this.failed?.(new Error('connection closed')));
  }

  static open(port: number, host = '127.0.0.1'): Promise<KeepAliveConnection> {
    return new Promise((done, fail) => {
      const socket = connect(port, host, () => done(new KeepAliveConnection(socket)));
      socket.once('error', fail);
    });
  }

  post(path: string, headers: string, json: string): Promise<HttpAnswer> {
    const head = `POST ${path} HTTP/1.1\r\nHost: bench\r\nConnection: keep-alive\r\nContent-Type: application/json\r\n${headers}Content-Length: ${Buffer.byteLength(json)}\r\n\r\n`;
    return new Promise((done, fail) => {
      this.pending = done;
      this.failed = fail;
      this.socket.write(head + json);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const headerEnd = this.buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const header = this.buffer.subarray(0, headerEnd).toString('latin1');
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(header)?.[1] ?? 0);
    const total = headerEnd + 4 + length;
    if (this.buffer.length < total) return;
    const body = this.buffer.subarray(headerEnd + 4, total).toString('utf8');
    this.buffer = this.buffer.subarray(total);
    const status = Number(header.slice(9, 12));
    const done = this.pending;
    this.pending = undefined;
    this.failed = undefined;
    done?.({ status, body });
  }
}
