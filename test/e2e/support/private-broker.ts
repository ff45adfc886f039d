import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const INFRA = join(__dirname, '..', '..', '..', 'infra', 'kafka');

const portIsFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => socket.destroy() && resolve(false));
    socket.once('error', () => resolve(true));
  });

/**
 * A broker of its own for a test that stops and restarts it (infra/kafka/start.sh and stop.sh with another port
 * and data dir): the shared broker on 9092, which other test files use meanwhile, is never touched.
 */
export class PrivateBroker {
  private readonly env: NodeJS.ProcessEnv;
  readonly address: string;

  private constructor(readonly port: number, readonly dataDir: string) {
    this.env = { ...process.env, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(port + 1), KAFKA_DATA_DIR: dataDir };
    this.address = `127.0.0.1:${port}`;
  }

  static async create(): Promise<PrivateBroker> {
    for (;;) {
      const port = 20_000 + 2 * Math.floor(Math.random() * 5_000);
      if ((await portIsFree(port)) && (await portIsFree(port + 1))) return new PrivateBroker(port, mkdtempSync(join(tmpdir(), 'kafka-private-')));
    }
  }

  /** Returns once the broker says it has started (start.sh waits for that). */
  async start(): Promise<void> {
    await run('bash', [join(INFRA, 'start.sh')], { env: this.env });
  }

  /** A clean stop: SIGTERM and wait for the process to exit. */
  async stop(): Promise<void> {
    await run('bash', [join(INFRA, 'stop.sh')], { env: this.env });
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
